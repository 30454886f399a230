/**
 * The URLs of the sidecar catalogue (`Sidecar.gitSync({ repo })`, `Sidecar.oauth2Proxy({
 * oidcIssuerUrl, redirectUrl })`, `Sidecar.s3Backup({ endpoint })`) are read once, by the same
 * narrow parser as the init steps' URLs (`parseHttpUrl`), so that the sidecar's program (git
 * through libcurl, oauth2-proxy and rclone through Go) reads the host this library checked.
 */
import { InitStep, OAuth2ProxyOptions, OAuth2ProxyProvider, S3BackupProvider, Sidecar } from '../../src';

const context = { podName: 'web', workloadKind: 'Deployment' };

const gitSyncProblems = (repo: string) => Sidecar.gitSync({ repo, username: 'bot', passwordSecret: { name: 'git', key: 'token' } }).bind(context).problems;

const oauth2: OAuth2ProxyOptions = {
  appPort: 8080,
  provider: OAuth2ProxyProvider.OIDC,
  clientId: 'my-client-id',
  clientSecret: { name: 'oauth2-proxy', key: 'client-secret' },
  cookieSecret: { name: 'oauth2-proxy', key: 'cookie-secret' },
  emailDomains: ['*'],
  oidcIssuerUrl: 'https://keycloak.example.com/realms/main',
};
const oauth2Problems = (options: Partial<OAuth2ProxyOptions>) => Sidecar.oauth2Proxy({ ...oauth2, ...options }).bind(context).problems;

const s3Problems = (endpoint: string) => Sidecar.s3Backup({ volumeName: 'data', bucket: 'backups', provider: S3BackupProvider.MINIO, endpoint }).bind(context).problems;

const BACKSLASH = "contains '\\', which fetchers read differently (a WHATWG parser as '/', busybox wget as part of the host, so the request can go to another host); write '/' or percent-encode it as %5C.";
const HOST_NAME = "must be a host name (letters, digits, '_', '-' and '.', e.g. 'mysql' or 'mysql.db.svc.cluster.local') or an IP address.";
const IPV4 = "looks like an IPv4 address but is not four decimal numbers from 0 to 255 without leading zeros, which resolvers read differently (as octal, hexadecimal or one 32-bit number); write it as such (e.g. '10.0.0.7').";

describe('the URLs of the sidecar catalogue', () => {
  test('gitSync refuses a repo with a backslash before an @, which git would send, with the token, to the host after the @', () => {
    expect(gitSyncProblems('http://127.0.0.1:7011\\@127.0.0.2:7008/org/repo.git')).toEqual([
      `Sidecar.gitSync: repo: "http://127.0.0.1:7011\\\\@127.0.0.2:7008/org/repo.git" ${BACKSLASH}`,
    ]);
  });

  test('gitSync refuses a repo with only a user name before the host, with the same fix as for a user and password', () => {
    expect(gitSyncProblems('https://bot@github.com/org/repo.git')).toEqual([
      'Sidecar.gitSync: repo: "https://bot@github.com/org/repo.git" contains credentials, which would be written in clear text into the manifest; remove them and pass the secret by reference.',
    ]);
  });

  test('gitSync refuses a repo that a WHATWG parser would normalize but git reads as written: odd ports and IPv4 forms, fragments, non-ASCII, upper-case schemes', () => {
    expect(gitSyncProblems('https://github.com:0/org/repo.git')).toEqual([
      'Sidecar.gitSync: repo: "https://github.com:0/org/repo.git": its port "0" must be a number from 1 to 65535 without leading zeros.',
    ]);
    expect(gitSyncProblems('https://github.com:0443/org/repo.git')).toEqual([
      'Sidecar.gitSync: repo: "https://github.com:0443/org/repo.git": its port "0443" must be a number from 1 to 65535 without leading zeros.',
    ]);
    expect(gitSyncProblems('http://0x7f.1/org/repo.git')).toEqual([`Sidecar.gitSync: repo: "http://0x7f.1/org/repo.git": its host "0x7f.1" ${IPV4}`]);
    expect(gitSyncProblems('http://1.2.3/org/repo.git')).toEqual([`Sidecar.gitSync: repo: "http://1.2.3/org/repo.git": its host "1.2.3" ${IPV4}`]);
    expect(gitSyncProblems('https://github.com/org/repo.git#main')).toEqual([
      'Sidecar.gitSync: repo: "https://github.com/org/repo.git#main": it has a \'#\' fragment, which busybox wget sends to the server and other fetchers drop; remove it.',
    ]);
    expect(gitSyncProblems('https://gitlab.bücher.example/org/repo.git')).toEqual([
      'Sidecar.gitSync: repo: "https://gitlab.bücher.example/org/repo.git" contains non-ASCII characters, which fetchers send differently (raw UTF-8 bytes, or percent-encoded and punycoded); write the host in punycode (xn--...) and percent-encode the rest.',
    ]);
    expect(gitSyncProblems('HTTPS://github.com/org/repo.git')).toEqual([
      'Sidecar.gitSync: repo: "HTTPS://github.com/org/repo.git" is not an absolute http:// or https:// URL; write it like "https://github.com/kubernetes/git-sync".',
    ]);
  });

  test('gitSync still refuses SSH repositories with the pointer to the vendor docs', () => {
    expect(gitSyncProblems('ssh://git@github.com/org/repo.git')).toEqual([
      'Sidecar.gitSync: repo: "ssh://git@github.com/org/repo.git" is not an absolute http:// or https:// URL; write it like "https://github.com/kubernetes/git-sync".',
      'Sidecar.gitSync: repo: "ssh://git@github.com/org/repo.git" is an SSH URL; this sidecar syncs over HTTPS (token in passwordSecret). For SSH, use Sidecar.container() with the vendor\'s docs/ssh.md setup.',
    ]);
  });

  test('oauth2Proxy refuses an issuer or a redirect URL with a backslash', () => {
    expect(oauth2Problems({ oidcIssuerUrl: 'https://keycloak.example.com\\@evil.example/realms/main' })).toEqual([
      `Sidecar.oauth2Proxy: oidcIssuerUrl: "https://keycloak.example.com\\\\@evil.example/realms/main" ${BACKSLASH}`,
    ]);
    expect(oauth2Problems({ redirectUrl: 'https://app.example.com\\oauth2/callback' })).toEqual([
      `Sidecar.oauth2Proxy: redirectUrl: "https://app.example.com\\\\oauth2/callback" ${BACKSLASH}`,
    ]);
  });

  test('oauth2Proxy refuses an issuer with an ambiguous IPv4 host or a port out of range', () => {
    expect(oauth2Problems({ oidcIssuerUrl: 'http://10.1:8080/realms/main' })).toEqual([
      `Sidecar.oauth2Proxy: oidcIssuerUrl: "http://10.1:8080/realms/main": its host "10.1" ${IPV4}`,
    ]);
    expect(oauth2Problems({ redirectUrl: 'https://app.example.com:65536/oauth2/callback' })).toEqual([
      'Sidecar.oauth2Proxy: redirectUrl: "https://app.example.com:65536/oauth2/callback": its port "65536" must be a number from 1 to 65535 without leading zeros.',
    ]);
  });

  test.each([
    ['http://minio:0', 'its port "0" must be a number from 1 to 65535 without leading zeros.'],
    ['http://minio:99999', 'its port "99999" must be a number from 1 to 65535 without leading zeros.'],
    ['http://minio:00080', 'its port "00080" must be a number from 1 to 65535 without leading zeros.'],
    ['http://-minio-:9000', `its host "-minio-" ${HOST_NAME}`],
    ['http://...:9000', `its host "..." ${HOST_NAME}`],
    ['http://1.2.3:9000', `its host "1.2.3" ${IPV4}`],
    ['http://0x7f.1:9000', `its host "0x7f.1" ${IPV4}`],
  ])('s3Backup refuses the endpoint %s as InitStep.downloadFromS3 refuses it as endpointUrl', (endpoint, problem) => {
    expect(s3Problems(endpoint)).toEqual([`Sidecar.s3Backup: endpoint: "${endpoint}": ${problem}`]);
    // the same words as the init step's
    expect(() => InitStep.downloadFromS3('backups', 'k', 'f', { endpointUrl: endpoint })).toThrow(`endpointUrl: "${endpoint}": ${problem}`);
  });

  test('s3Backup still refuses an endpoint with a path, credentials or another scheme', () => {
    expect(s3Problems('http://minio:9000/backups')).toEqual([
      'Sidecar.s3Backup: endpoint: "http://minio:9000/backups": it has a path or query ("/backups"); give only scheme, host and port.',
    ]);
    expect(s3Problems('http://key:secret@minio:9000')).toEqual([
      'Sidecar.s3Backup: endpoint: "http://key:secret@minio:9000" contains credentials, which would be written in clear text into the manifest; remove them and pass the secret by reference.',
    ]);
    expect(s3Problems('minio:9000')).toEqual([
      'Sidecar.s3Backup: endpoint: "minio:9000" is not an absolute http:// or https:// URL; write it like "http://minio.storage.svc:9000".',
    ]);
  });

  test('ordinary repos, issuers, redirect URLs and endpoints still pass', () => {
    for (const repo of ['https://github.com/kubernetes/git-sync', 'https://github.com/kubernetes/git-sync.git', 'http://git.internal.svc:3000/org/repo.git', 'https://10.0.0.7/org/repo']) {
      expect(gitSyncProblems(repo)).toEqual([]);
    }
    expect(oauth2Problems({ oidcIssuerUrl: 'https://keycloak.example.com/realms/main', redirectUrl: 'https://app.example.com/oauth2/callback' })).toEqual([]);
    expect(oauth2Problems({ oidcIssuerUrl: 'https://accounts.google.com', redirectUrl: 'https://app.example.com' })).toEqual([]);
    expect(oauth2Problems({ oidcIssuerUrl: 'https://login.microsoftonline.com/0000-tenant/v2.0' })).toEqual([]);
    for (const endpoint of ['http://minio:9000', 'https://s3.eu-central-1.amazonaws.com', 'http://minio.storage.svc:9000/', 'http://10.0.0.7:9000']) {
      expect(s3Problems(endpoint)).toEqual([]);
    }
  });
});
