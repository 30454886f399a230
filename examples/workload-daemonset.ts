import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { PlainPod, Workload } from 'cdk8s-pod-patterns';

/**
 * The DaemonSet of https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/
 * (kubernetes/website content/en/examples/controllers/daemonset.yaml): a log collector on every
 * node, reading the node's log directories. Its pods carry their own label (podMetadata), not
 * the DaemonSet's.
 */
export class WorkloadDaemonSetChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new PlainPod(this, 'fluentd-elasticsearch', {
      metadata: { name: 'fluentd-elasticsearch', namespace: 'kube-system', labels: { 'k8s-app': 'fluentd-logging' } },
      podMetadata: { labels: { name: 'fluentd-elasticsearch' } },
      workload: Workload.daemonSet(),
      tolerations: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }],
      terminationGracePeriodSeconds: 30,
      containers: [{
        name: 'fluentd-elasticsearch',
        image: 'k8s.gcr.io/fluentd-elasticsearch:1.20',
        resources: {
          limits: { memory: '200Mi' },
          requests: { cpu: '100m', memory: '200Mi' },
        },
        volumeMounts: [
          { name: 'varlog', mountPath: '/var/log' },
          { name: 'varlibdockercontainers', mountPath: '/var/lib/docker/containers', readOnly: true },
        ],
      }],
      volumes: [
        { name: 'varlog', hostPath: { path: '/var/log' } },
        { name: 'varlibdockercontainers', hostPath: { path: '/var/lib/docker/containers' } },
      ],
    });
  }
}
