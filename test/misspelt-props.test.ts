import { Testing } from 'cdk8s';
import {
  ExposedService, Inject, InitPod, InitStep, LogShipper, PlainPod, ServiceType, Sidecar, SidecarLoggedApp, Workload,
} from '../src';

/**
 * Issue 11: no prop is ever dropped silently. A misspelt key, as plain JavaScript, `as any` or a
 * spread config passes it, fails at construction with its path and the name probably meant.
 */
const c = { name: 'app', image: 'busybox:1.36' };
const any = (x: any): any => x;

describe('misspelt props fail at construction, with the path and the name meant', () => {
  test.each<[string, () => unknown, string]>([
    ['a LoadBalancer Service\'s loadBalancerSourceRange', () => ExposedService.loadBalancer(Testing.chart(), 'lb', any({ metadata: { name: 'lb' }, selector: { app: 'web' }, ports: [{ port: 80 }], loadBalancerSourceRange: ['10.0.0.0/8'] })),
      "ExposedService 'lb': loadBalancerSourceRange: is not a field of ExposedServiceOptions; did you mean loadBalancerSourceRanges?"],
    ['a ServicePort\'s targetport', () => new ExposedService(Testing.chart(), 's', any({ metadata: { name: 's' }, selector: { a: 'b' }, ports: [{ port: 80, targetport: 8080 }] })),
      "ExposedService 's': ports[0].targetport: is not a field of ServicePort; did you mean targetPort?"],
    ['a pod pattern\'s initContainer', () => new InitPod(Testing.chart(), 'p', any({ metadata: { name: 'p' }, initContainer: [c], containers: [c] })),
      "InitPod 'p': initContainer: is not a field of InitPodProps; did you mean initContainers?"],
    ['a container\'s imagePullPolcy, deep in a spread config', () => new PlainPod(Testing.chart(), 'p', { ...any({ metadata: { name: 'p' }, containers: [{ ...c, imagePullPolcy: 'Always' }] }) }),
      "PlainPod 'p': containers[0].imagePullPolcy: is not a field of Container; did you mean imagePullPolicy?"],
    ['a volume source\'s emptydir', () => new PlainPod(Testing.chart(), 'p', any({ metadata: { name: 'p' }, containers: [c], volumes: [{ name: 'v', emptydir: {} }] })),
      "PlainPod 'p': volumes[0].emptydir: is not a field of Volume; did you mean emptyDir?"],
    ['a probe\'s httpget', () => new PlainPod(Testing.chart(), 'p', any({ metadata: { name: 'p' }, containers: [{ ...c, livenessProbe: { httpget: { port: 80 } } }] })),
      "PlainPod 'p': containers[0].livenessProbe.httpget: is not a field of Probe; did you mean httpGet?"],
    ['a pod spec option\'s nodeSelecter', () => new PlainPod(Testing.chart(), 'p', any({ metadata: { name: 'p' }, containers: [c], nodeSelecter: { a: 'b' } })),
      "PlainPod 'p': nodeSelecter: is not a field of PlainPodProps; did you mean nodeSelector?"],
    ['a SidecarLoggedApp\'s logMountpath', () => new SidecarLoggedApp(Testing.chart(), 'p', any({ metadata: { name: 'p' }, app: c, logMountpath: '/logs' })),
      "SidecarLoggedApp 'p': logMountpath: is not a field of SidecarLoggedAppProps; did you mean logMountPath?"],
    ['a Deployment option\'s replica', () => Workload.deployment(any({ replica: 3 })),
      'Workload.deployment(): replica: is not a field of DeploymentOptions; did you mean replicas?'],
    ['a Job option\'s backofflimit', () => Workload.job(any({ backofflimit: 3 })),
      'Workload.job(): backofflimit: is not a field of JobOptions; did you mean backoffLimit?'],
    ['an Inject option\'s initStep', () => Inject.into(Testing.chart(), any({ initStep: [InitStep.waitForTcp('db', 5432)] })),
      'Inject.into(test): initStep: is not a field of InjectOptions; did you mean initSteps?'],
    ['a type string where an enum goes', () => new ExposedService(Testing.chart(), 's', any({ metadata: { name: 's' }, selector: { a: 'b' }, ports: [{ port: 80 }], type: 'Nodeport' })),
      "ExposedService 's': type: \"Nodeport\" is not a ServiceType (ExposedServiceProps.type); did you mean ServiceType.NODE_PORT (\"NodePort\")?"],
    ['a string where a Workload goes', () => new PlainPod(Testing.chart(), 'p', any({ metadata: { name: 'p' }, containers: [c], workload: 'Deployment' })),
      "PlainPod 'p': workload: \"Deployment\" is a string, not a Workload;"],
  ])('%s', (_what, build, message) => {
    expect(build).toThrow(message);
  });

  test('accepts what TypeScript accepts, written in plain values', () => {
    const chart = Testing.chart();
    new PlainPod(chart, 'p', {
      metadata: { name: 'p' },
      containers: [{ ...c, resources: { limits: { cpu: '500m', memory: '128Mi' } }, livenessProbe: { httpGet: { port: 8080 } } }],
      volumes: [{ name: 'v', emptyDir: { sizeLimit: '1Gi' } }],
      sidecars: [Sidecar.logShipper(LogShipper.tail())],
    });
    expect(Testing.synth(chart)[0].spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' } });
    expect(ServiceType.NODE_PORT).toBe('NodePort');
  });
});
