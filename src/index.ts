export * from './pod-spec-options';
export * from './workload';
export * from './plain-pod';
export * from './init-pod';
export * from './log-shipper';
export * from './sidecar-logged-app';
export * from './service-target';
export * from './exposed-service';
