import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { InitPod, InitStep } from '../../src';
import { newChart, only, synth } from '../util';
import { alive, recordingFake, run, scriptOf, tempDir, variants } from './harness';

jest.setTimeout(30_000);

const key = (k: string) => ({ name: 's3-credentials', key: k });

describe('InitStep.downloadFromS3', () => {
  test('runs aws s3 cp in the pinned AWS CLI image, keys from a Secret, into the files volume', () => {
    // GIVEN
    const chart = newChart();
    new InitPod(chart, 'p', {
      metadata: { name: 'p' },
      initSteps: [InitStep.downloadFromS3('my-bucket', 'app/config.json', 'config.json', {
        credentials: { accessKeyId: key('id'), secretAccessKey: key('secret'), sessionToken: key('token') },
        region: 'eu-west-1',
        endpointUrl: 'http://minio.storage:9000',
      })],
      containers: [{ name: 'app', image: 'app:1' }],
    });
    // WHEN
    const spec = only(synth(chart), 'Pod').spec;
    const [c] = spec.initContainers;
    // THEN
    expect(c.name).toBe('download-config-json');
    expect(c.image).toBe('amazon/aws-cli:2.17.0');
    expect(c.env).toEqual([
      { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: key('id') } },
      { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: key('secret') } },
      { name: 'AWS_SESSION_TOKEN', valueFrom: { secretKeyRef: key('token') } },
    ]);
    expect(c.volumeMounts).toEqual([{ name: 'init-files', mountPath: '/config' }]);
    expect(c.command[2]).toContain('source=s3://my-bucket/app/config.json\nendpoint=http://minio.storage:9000\n');
    expect(c.command[2]).toContain('  aws s3 cp "$source" "$part" --only-show-errors --region eu-west-1 --endpoint-url "$endpoint" &\n');
    expect(spec.volumes).toEqual([{ name: 'init-files', emptyDir: {} }]);
  });

  test('without credentials the step has no AWS environment: the pod\'s identity is used', () => {
    const c = InitStep.downloadFromS3('my-bucket', 'k', 'k')._bind({ filesVolumeName: 'f', filesMountPath: '/c' }).container;
    expect(c.env).toBeUndefined();
    expect(c.command![2]).toContain('  aws s3 cp "$source" "$part" --only-show-errors &\n');
  });

  test('reports every bad option in one message', () => {
    expect(() => InitStep.downloadFromS3('My_Bucket', 'a\nb', '/abs', {
      region: 'EU west',
      endpointUrl: 'http://minio:9000/bucket',
      credentials: { accessKeyId: 'AKIA...' as any } as any,
      sha256: 'x',
    })).toThrow(
      'InitStep.downloadFromS3 has 8 problems:\n' +
      "    - bucket: \"My_Bucket\" must be an S3 bucket name: 3 to 63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, not an IP address (e.g. 'my-bucket');\n" +
      "    - key: \"a\\nb\" must be an object key of 1 to 1024 bytes without control characters, not starting with '/' (e.g. 'app/config.json');\n" +
      "    - path: \"/abs\" must be a relative file path inside the shared files volume, made of letters, digits, '.', '_', '-' and '/', without '.' or '..' segments (e.g. 'config.json');\n" +
      "    - sha256: \"x\" must be 64 hexadecimal digits (the output of 'sha256sum FILE');\n" +
      "    - region: \"EU west\" must be a region name of lowercase letters, digits and '-' (e.g. 'eu-west-1');\n" +
      '    - endpointUrl: "http://minio:9000/bucket": it has a path or query ("/bucket"); give only scheme, host and port;\n' +
      "    - credentials.accessKeyId: \"AKIA...\" must be a Secret key reference { name: 'SECRET', key: 'KEY' }; credentials are never written into the manifest;\n" +
      "    - credentials: accessKeyId and secretAccessKey are both needed; give both, or no credentials to use the pod's identity.",
    );
  });
});

describe.each(variants)('downloadFromS3 scripts in $label (fake aws)', (variant) => {
  const body = 'bucket body\n';
  const sha256 = crypto.createHash('sha256').update(body).digest('hex');

  test.concurrent('retries a failed copy, leaves no partial file, checks the sum and moves the file into place', async () => {
    // GIVEN an aws that writes half the object and fails, then succeeds
    const fake = recordingFake('aws', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'], `mkdir -p "$(dirname "$4")"; if [ "$n" -eq 1 ]; then printf half > "$4"; exit 1; fi; printf '${body.replace('\n', '\\n')}' > "$4"`);
    const dir = tempDir('s3');
    const step = InitStep.downloadFromS3('my-bucket', 'dir/my file.json', 'app/config.json', {
      region: 'eu-west-1', sha256, credentials: { accessKeyId: key('id'), secretAccessKey: key('secret') }, timeoutSeconds: 8, intervalSeconds: 1,
    });
    // WHEN
    const result = await run(variant, scriptOf(step, dir), { pathFirst: [fake.dir], env: { AWS_ACCESS_KEY_ID: 'AKIAX', AWS_SECRET_ACCESS_KEY: 's3cr3t' } });
    // THEN
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain(`download-config-json: wrote ${dir}/app/config.json`);
    const calls = fake.calls();
    expect(calls.args).toEqual(Array(2).fill(['s3', 'cp', 's3://my-bucket/dir/my file.json', `${dir}/app/config.json.part/object`, '--only-show-errors', '--region', 'eu-west-1']));
    expect(calls.env).toEqual({ AWS_ACCESS_KEY_ID: 'AKIAX', AWS_SECRET_ACCESS_KEY: 's3cr3t', AWS_SESSION_TOKEN: '<unset>' });
    expect(fs.readFileSync(path.join(dir, 'app/config.json'), 'utf8')).toBe(body);
    expect(fs.readdirSync(path.join(dir, 'app'))).toEqual(['config.json']);
  });

  test.concurrent('a wrong sum fails and writes nothing', async () => {
    const fake = recordingFake('aws', [], 'mkdir -p "$(dirname "$4")"; printf tampered > "$4"');
    const dir = tempDir('s3-sum');
    const result = await run(variant, scriptOf(InitStep.downloadFromS3('b-1', 'k', 'k.json', { sha256 }), dir), { pathFirst: [fake.dir] });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`download-k-json: the SHA-256 of s3://b-1/k is not ${sha256}; ${dir}/k.json was not written\n`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test.concurrent('a copy cut at the deadline leaves no temporary file of the AWS CLI in the volume', async () => {
    // GIVEN an aws that, like the real one, creates the destination's folder and writes through a
    // temporary file of its own ("DEST.<random>", renamed at the end)
    const fake = recordingFake('aws', [], 'mkdir -p "$(dirname "$4")"; printf partial > "$4.0dcbEfCF"; exec sleep 100');
    const dir = tempDir('s3-temp');
    // WHEN the copy is cut at the deadline
    const result = await run(variant, scriptOf(InitStep.downloadFromS3('b-1', 'k', 'k.json', { timeoutSeconds: 2 }), dir), { pathFirst: [fake.dir] });
    // THEN the step fails and the shared volume holds nothing
    expect(result.code).toBe(1);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test.concurrent('a copy that hangs is killed at the deadline and its partial file removed', async () => {
    const fake = recordingFake('aws', [], 'mkdir -p "$(dirname "$4")"; printf partial > "$4"; exec sleep 100');
    const dir = tempDir('s3-hang');
    const result = await run(variant, scriptOf(InitStep.downloadFromS3('b-1', 'k', 'k.json', { timeoutSeconds: 2 }), dir), { pathFirst: [fake.dir] });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('download-k-json: timed out after 2 s: could not download s3://b-1/k');
    expect(result.seconds).toBeLessThan(4.5);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(fake.calls().pids.filter(alive)).toEqual([]);
  });
});
