import {
  configMapKey, dns1035Label, dns1123Label, dns1123Subdomain, envVarName, httpHeaderName, ianaServiceName, labelValue,
  nameIsDNSSubdomain, parseIPSloppy, qualifiedName, relaxedEnvVarName, validIP,
} from '../src/validation/names';

/**
 * The name rules of apimachinery `pkg/util/validation/validation.go`, with the accepted and
 * rejected values of its own tests: a false rejection is as much a bug as a missed error.
 */
describe('name rules', () => {
  const cases: Array<[string, (v: string) => string | undefined, string[], string[]]> = [
    ['IsDNS1123Label', dns1123Label,
      ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a'.repeat(63)],
      ['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'a'.repeat(64)]],
    ['IsDNS1123Subdomain', dns1123Subdomain,
      ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a.a', 'ab.a', 'abc.a', 'a1.a', 'a-1.a', 'a--1--2--b.a', 'a.1', '0.a', '01.a', '012.a', '1a.a', '1-a.a', '1--a--b--2', '0.1', '01.1', '012.1', '1a.1', '1-a.1', '1--a--b--2.1', 'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55', 'a'.repeat(253)],
      ['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a..b', '1.', '.1', '1..2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'A.a', 'aB.a', 'ab.A', 'A1.a', 'a1.A', 'A.1', 'aB.1', 'A1.1', '1A.1', '0.A', '01.A', '012.A', '1A.a', '1a.A', 'A.B.C.D.E', 'AA.BB.CC.DD.EE', 'a.B.c.d.e', 'aa.bB.cc.dd.ee', 'a@b', 'a,b', 'a_b', 'a;b', 'a:b', 'a%b', 'a?b', 'a$b', 'a'.repeat(254)]],
    ['IsDNS1035Label', dns1035Label,
      ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', 'a'.repeat(63)],
      ['0', '01', '012', '1a', '1-a', '1--a--b--2', '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'a'.repeat(64)]],
    ['IsValidPortName', ianaServiceName,
      ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3', 'abcdefghijklmno'],
      ['', 'longerthan15characters', 'abcdefghijklmnop', 'TELNET', 'a--b', '-', 'a-', '-a', '_', 'a_b', '1', '1-2', '12', 'a.b']],
    ['IsQualifiedName', qualifiedName,
      ['simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple', 'now-with-dashes/now-with-dashes', 'now.with.dots/simple', 'now-with.dashes-and.dots/simple', '1-num.2-num/3-num', '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123', 'example.com/Uppercase_Is_OK_123', 'requests.storage-foo', 'a'.repeat(63), `${'a'.repeat(253)}/${'b'.repeat(63)}`],
      ['', ' ', 'nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc', 'example_com/abc', 'example.com/', '/simple', 'a'.repeat(64), `${'a'.repeat(254)}/abc`]],
    ['IsValidLabelValue', labelValue,
      ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a', 'a'.repeat(63), '', 'now.with.dots', 'Uppercase_Is_OK_123'],
      ['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash', 'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', 'a'.repeat(64)]],
    ['IsEnvVarName', envVarName,
      ['A', 'ABC', 'AbC_123', 'abc', 'a.b', 'a-b', '_a', 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1', '._a', '.a'],
      ['1', '123', '1abc', 'a b', 'a=b', '.', '..', '..a', '']],
  ];

  describe.each(cases)('%s', (_name, rule, valid, invalid) => {
    test.each(valid.map((v) => [v]))('accepts %j', (v) => {
      expect(rule(v)).toBeUndefined();
    });
    test.each(invalid.map((v) => [v]))('rejects %j', (v) => {
      expect(rule(v)).toEqual(expect.any(String));
    });
  });

  test('a dotted name that fails only as a label says it must not contain dots', () => {
    expect(dns1123Label('app.v1')).toBe("must not contain dots (it is a DNS-1123 label, not a subdomain; e.g. 'my-name')");
  });

  test('a qualified name reads after "it" in each of its reasons', () => {
    expect(qualifiedName('/x')).toBe("has an empty prefix before '/'; write 'example.com/key' or just 'key'");
    expect(qualifiedName('example.com/')).toBe("has an empty name part after '/'");
    expect(qualifiedName('')).toBe('must not be empty');
    expect(qualifiedName('Example.com/x')).toMatch(/^has an invalid prefix "Example.com": the prefix must be a lowercase RFC 1123 subdomain/);
    expect(qualifiedName('a'.repeat(64))).toBe('has a name part longer than 63 characters (64)');
  });

  test('a generateName may end with a dash (NameIsDNSSubdomain with prefix), a name may not', () => {
    expect(nameIsDNSSubdomain('web-', true)).toBeUndefined();
    expect(nameIsDNSSubdomain('web-')).toEqual(expect.any(String));
    expect(nameIsDNSSubdomain('-', true)).toEqual(expect.any(String));
  });
});

/**
 * IsValidIP in Kubernetes 1.32 parses with netutils.ParseIPSloppy (Go 1.16's net.ParseIP): IPv4
 * octets may have leading zeros (read as decimal); no zones, no CIDRs. The StrictIPCIDRValidation
 * gate that rejects leading zeros is 1.33 and off by default.
 */
describe('ParseIPSloppy (IsValidIP, 1.32)', () => {
  const accepted = [
    '10.96.0.10', '010.96.0.10', '010.096.000.010', '0.0.0.0', '255.255.255.255', '0000000001.2.3.4', '1.2.3.04',
    '::', '::1', '2001:db8::ffff', '2001:0db8:0000:0000:0000:0000:0000:0001', '0001::1', '::ffff:1.2.3.4', '::ffff:010.1.1.1',
    '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:1.2.3.4', 'fe80::1', 'FE80::ABCD',
  ];
  const rejected = [
    '', '1.2.3', '1.2.3.4.5', '256.1.1.1', '1.2.3.4 ', ' 1.2.3.4', '1.2.3.-1', 'a.b.c.d', '1.2.3.4/8', '1.2.3.4:80',
    'fe80::1%eth0', '1::2::3', '12345::1', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::8', '1:2:3:4:5:1.2.3.4', ':1:2::3', '1:2:3::4:', 'dns.local', '0x1.2.3.4',
  ];
  test.each(accepted.map((v) => [v]))('accepts %j', (v) => {
    expect(parseIPSloppy(v)).toBe(true);
    expect(validIP(v)).toBeUndefined();
  });
  test.each(rejected.map((v) => [v]))('rejects %j', (v) => {
    expect(parseIPSloppy(v)).toBe(false);
    expect(validIP(v)).toEqual(expect.any(String));
  });
});

describe('other name rules of apimachinery', () => {
  test('IsConfigMapKey accepts keys of alphanumerics, "-", "_" and "." and rejects ".", ".." and "..x"', () => {
    for (const v of ['a', 'a.b', 'A_B-c', '.dot', 'x'.repeat(253)]) {
      expect(configMapKey(v)).toBeUndefined();
    }
    for (const v of ['', '.', '..', '..x', 'a b', 'a/b', 'x'.repeat(254)]) {
      expect(configMapKey(v)).toEqual(expect.any(String));
    }
  });
  test('IsHTTPHeaderName accepts alphanumerics and dashes only', () => {
    expect(httpHeaderName('X-Request-Id')).toBeUndefined();
    expect(httpHeaderName('X_Request')).toEqual(expect.any(String));
  });
  test('IsRelaxedEnvVarName (on by default in 1.32) accepts printable ASCII except "="', () => {
    for (const v of ['1ST', 'my var', 'a.b', '$HOME', '~']) {
      expect(relaxedEnvVarName(v)).toBeUndefined();
    }
    for (const v of ['', 'A=B', 'é', 'a\tb']) {
      expect(relaxedEnvVarName(v)).toEqual(expect.any(String));
    }
  });
});

