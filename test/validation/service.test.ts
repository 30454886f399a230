import { runCases } from './cases';
import { service, SERVICE_CASES } from './service.cases';
import { Problems } from '../../src/problems';
import { defaultService, isCidr, parseIPSloppy, validateService } from '../../src/validation/service';

runCases('Service (ValidateService, SetDefaults_Service)', SERVICE_CASES);

/** The problems of the create validation alone (no decode step), after the server's defaults. */
function validated(manifest: any): string[] {
  const copy = structuredClone(manifest);
  defaultService(copy);
  const problems = new Problems();
  validateService(copy, problems, {}, manifest);
  return problems.messages;
}

describe('validateServiceTrafficDistribution (ServiceTrafficDistribution, on by default in 1.32)', () => {
  // Checked without the decode step: trafficDistribution (1.31) is newer than the 1.28 schema of
  // src/k8s-schema.ts until it is regenerated from Kubernetes 1.32.
  test('GIVEN trafficDistribution PreferClose WHEN validated THEN it is accepted', () => {
    expect(validated(service({ trafficDistribution: 'PreferClose' }))).toEqual([]);
  });

  test('GIVEN a trafficDistribution of a later Kubernetes WHEN validated THEN it is rejected', () => {
    expect(validated(service({ trafficDistribution: 'PreferSameZone' }))).toEqual([
      'spec.trafficDistribution: "PreferSameZone" is not supported by Kubernetes 1.32; use "PreferClose" or remove trafficDistribution.',
    ]);
  });
});

describe('ParseIPSloppy and ParseCIDRSloppy (k8s.io/utils/net, Go 1.16 net parsing)', () => {
  test.each([
    ['010.96.0.10', [10, 96, 0, 10]],
    ['0000000001.2.3.4', [1, 2, 3, 4]],
    ['::ffff:010.1.2.3', [10, 1, 2, 3]],
  ])('GIVEN %s WHEN parsed THEN it is the IPv4 address %j', (text, octets) => {
    const ip = parseIPSloppy(text);
    expect(ip?.family).toBe(4);
    expect(ip?.bytes.slice(12)).toEqual(octets);
  });

  test.each(['256.0.0.1', '1.2.3.4.', '1.2.3', '', ' 1.2.3.4', '1.2.3.4 ', '::1%eth0', ':::', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::8', 'fd00::12345'])(
    'GIVEN %j WHEN parsed THEN it is no address', (text) => {
      expect(parseIPSloppy(text)).toBeUndefined();
    });

  test.each(['::', '::1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:1.2.3.4', '::1.2.3.4', 'FD00::A'])('GIVEN %j WHEN parsed THEN it is an IPv6 address', (text) => {
    expect(parseIPSloppy(text)?.family).toBe(6);
  });

  test.each([['010.0.0.0/8', true], ['10.0.0.1/8', true], ['10.0.0.0/032', true], ['10.0.0.0/33', false], ['10.0.0.0/', false], ['10.0.0.0/-1', false], ['::/0', true], ['fd00::/128', true], ['fd00::/129', false], ['10.0.0.0', false]])(
    'GIVEN %j WHEN read as a CIDR THEN valid is %s', (text, valid) => {
      expect(isCidr(text)).toBe(valid);
    });
});
