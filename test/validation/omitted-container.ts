/**
 * Container-level rules of the API server that src/validation does not mirror, each with the reason.
 * (docs/validation.md lists them next to the mirrored functions.)
 */
export const OMITTED_CONTAINER: Array<{ go: string; why: string }> = [
  {
    go: 'validateResizePolicy',
    why: 'InPlacePodVerticalScaling is alpha and off by default in 1.32: PrepareForCreate drops resizePolicy before validation, so its value rules never run. validateContainers reports the drop instead (and validateInitContainers forbids it on init containers).',
  },
  {
    go: 'validateResourceClaimNames (the names of the claims)',
    why: 'DynamicResourceAllocation is off by default in 1.32: the claims are dropped before validation. resources.ts reports the drop instead of checking the names.',
  },
  {
    go: 'ValidateSecurityContext (privileged: "disallowed by cluster policy")',
    why: "Depends on the API server's --allow-privileged flag (capabilities.Get().AllowPrivileged), not on the object: kubeadm and the managed offerings allow privileged containers.",
  },
  {
    go: 'validateWindowsHostProcessPod ("hostProcess containers are disallowed by cluster policy")',
    why: 'The same --allow-privileged flag of the API server.',
  },
  {
    go: 'ValidateSecurityContext (procMount Unmasked needs hostUsers: false)',
    why: 'Unreachable at the 1.32 defaults: ProcMountType is off, so procMount is replaced by Default before validation (reported as such), and hostUsers is dropped (UserNamespacesSupport off).',
  },
  {
    go: 'ValidateProcMountType',
    why: 'Unreachable at the 1.32 defaults for the same reason: any procMount becomes Default before validation.',
  },
  {
    go: 'validateSleepAction (AllowPodLifecycleSleepActionZeroValue)',
    why: 'PodLifecycleSleepActionAllowZero is alpha and off in 1.32: the zero-seconds branch is not the server\'s behaviour; the mirrored branch requires 1 to terminationGracePeriodSeconds.',
  },
  {
    go: 'ValidateContainerUpdates',
    why: 'Update-only (ValidatePodUpdate): this library checks objects as created.',
  },
  {
    go: 'ValidatePodUpdate (container fields, AllowSidecarResizePolicy, relaxed env names of an old pod)',
    why: 'Update-only options derived from the old object (GetValidationOptionsFromPodSpecAndMeta); on create they are the feature gates, which are mirrored at their 1.32 defaults.',
  },
  {
    go: 'validateEphemeralContainers (on create)',
    why: 'ValidatePodCreate forbids ephemeral containers on create and ValidatePodTemplateSpec in templates (pod-level rules, src/validation/pod-spec.ts); their content is still checked here.',
  },
  {
    go: 'applyAppArmorVersionSkew (PrepareForCreate)',
    why: 'Copies AppArmor annotations into the fields and back on create; where both exist they must agree (validateAppArmorAnnotationsAndFieldsMatchOnCreate, mirrored). The copy changes no verdict.',
  },
  {
    go: 'runAsNonRoot with runAsUser 0',
    why: 'Not an API server rule: the server accepts it and the kubelet refuses to start the container (CreateContainerConfigError). This library mirrors the server; SecurityProfile reports it as a profile rule.',
  },
  {
    go: 'Lifecycle.stopSignal, EnvVarSource.fileKeyRef, Container.restartPolicyRules',
    why: 'Fields newer than Kubernetes 1.32 (1.33+): the decode step rejects them as unknown fields.',
  },
  {
    go: 'SELinuxOptions (pod and container)',
    why: 'The API server checks nothing of seLinuxOptions on create (user, role, type and level are free strings); only validateWindows forbids them in a windows pod, which is mirrored.',
  },
  {
    go: 'command, args, workingDir, stdin, stdinOnce, tty, terminationMessagePath',
    why: 'The API server checks nothing of them on create beyond their JSON types (the decode step); no rule to mirror.',
  },
  {
    go: 'Message values (quantity.String())',
    why: 'Go prints the canonical form of a quantity in its messages; this library shows the value as written, which is what the user can find in their code.',
  },
  {
    go: 'validateResourceClaimNames',
    why: 'Never runs at the 1.32 defaults: DynamicResourceAllocation is off, so the API server drops resources.claims on create before validating; preparePodSpec (pod-spec.ts) reports the claims as a line that would vanish.',
  },
];
