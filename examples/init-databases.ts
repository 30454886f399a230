import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { InitPod, InitStep } from 'cdk8s-pod-patterns';

/**
 * Database checks beyond TCP: wait until PostgreSQL accepts connections (`pg_isready`) and MySQL
 * answers `mysqladmin ping`, each in its official image, with the user and password from a
 * Secret by reference.
 */
export class InitDatabasesChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const secret = (key: string) => ({ name: 'db-credentials', key });
    new InitPod(this, 'databases', {
      metadata: { name: 'databases' },
      initSteps: [
        InitStep.waitForPostgres('postgres.db.svc.cluster.local', { userSecret: secret('username'), database: 'orders', timeoutSeconds: 120 }),
        InitStep.waitForMysql('mysql.db.svc.cluster.local', { userSecret: secret('username'), passwordSecret: secret('password'), timeoutSeconds: 120 }),
      ],
      containers: [{ name: 'app', image: 'my-app:1.0' }],
    });
  }
}
