import { ResourcePreset, SecurityProfile } from '../security-profile';
import { Call, libCall, libRef, Value } from './code';
import { sameData } from './recognise-steps';

/**
 * Recognising `SecurityProfile.restricted()` (the opt-in Pod Security Standard hardening, with a
 * `ResourcePreset`) in a pod: the fields the profile fills in are taken out of the pod spec, and
 * the profile is kept only when applying it to what is left gives back exactly the input's pod
 * spec. (The baseline profile fills in nothing but resources: resources a manifest declares are
 * kept as declared.)
 *
 * @internal
 */

/** A pod spec without the fields a profile fills in, and the profile. */
export interface RecognisedProfile {
  readonly spec: any;
  readonly securityProfile: Call;
}

const PRESETS: Array<[string, ResourcePreset]> = [['SMALL', ResourcePreset.SMALL], ['MEDIUM', ResourcePreset.MEDIUM], ['LARGE', ResourcePreset.LARGE]];

/** The object without the keys whose values equal `fill`'s (recursively), and without what is left empty. */
function without(value: any, fill: any): any {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || fill === null || typeof fill !== 'object') {
    return value;
  }
  const out: any = {};
  for (const k of Object.keys(value)) {
    if (k in fill && sameData(value[k], fill[k])) {
      continue;
    }
    const v = k in fill ? without(value[k], fill[k]) : value[k];
    if (!(v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0 && k in fill)) {
      out[k] = v;
    }
  }
  return out;
}

/** What a profile fills into an empty pod spec and an empty container. */
function fills(profile: SecurityProfile): { pod: any; container: any } {
  const applied = profile._apply({ containers: [{}] });
  return { pod: { securityContext: applied.securityContext ?? {} }, container: applied.containers[0] };
}

function strip(spec: any, profile: SecurityProfile): any {
  const fill = fills(profile);
  const out: any = without(spec, fill.pod);
  for (const list of ['initContainers', 'containers']) {
    if (Array.isArray(spec[list])) {
      out[list] = spec[list].map((c: any) => without(c, fill.container));
    }
  }
  return out;
}

/** The profile that, applied to the pod spec without what it fills in, gives back the pod spec; undefined when none does. */
export function recogniseProfile(spec: any): RecognisedProfile | undefined {
  const sc = spec.securityContext ?? {};
  const restrictedOptions: { [key: string]: any } = {};
  for (const k of ['runAsUser', 'runAsGroup', 'fsGroup']) {
    if (typeof sc[k] === 'number' && !(k === 'runAsUser' && sc[k] === 65534)) {
      restrictedOptions[k] = sc[k];
    }
  }
  const candidates: Array<[() => SecurityProfile, () => Call]> = [];
  for (const [name, preset] of [...PRESETS, [undefined, undefined] as [undefined, undefined]]) {
    const resources: { [key: string]: Value } = name ? { resources: libRef('ResourcePreset', name) } : {};
    candidates.push([
      () => SecurityProfile.restricted({ ...restrictedOptions, resources: preset }),
      () => libCall('SecurityProfile', 'restricted', [Object.keys(restrictedOptions).length + Object.keys(resources).length > 0 ? { ...resources, ...restrictedOptions } : undefined]),
    ]);
  }
  for (const [build, code] of candidates) {
    let profile: SecurityProfile;
    try {
      profile = build();
    } catch {
      continue;
    }
    const stripped = strip(spec, profile);
    if (!sameData(stripped, spec) && sameData(profile._apply(stripped), spec)) {
      return { spec: stripped, securityProfile: code() };
    }
  }
  return undefined;
}
