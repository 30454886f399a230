import { runCases } from './cases';
import { CONFIG_MAP_CASES } from './configmap.cases';

runCases('ConfigMap (ValidateConfigMap)', CONFIG_MAP_CASES);
