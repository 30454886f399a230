// The public types of the sidecar catalogue (one file per entry); the factories are static
// methods of `Sidecar`. The binding functions of the entries stay internal.
export type { CloudSqlProxyOptions, CloudSqlProxyCredentialsSecret } from './cloud-sql-proxy';
export type { GitSyncOptions } from './git-sync';
export type { NginxExporterOptions } from './nginx-exporter';
export type { MysqldExporterOptions, MyCnfSecret } from './mysqld-exporter';
export type { EnvoyOptions } from './envoy';
export type { OAuth2ProxyOptions } from './oauth2-proxy';
export { OAuth2ProxyProvider } from './oauth2-proxy';
export type { S3BackupOptions } from './s3-backup';
export { S3BackupProvider, BackupStrategy } from './s3-backup';
export type { LogShipperSidecarOptions } from './log-shipper-sidecar';
