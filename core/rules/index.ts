// The one rule registry, sorted by code. Rules are listed here explicitly, never discovered
// from the file system at run time.
import type { Rule } from './define-rule';
import syntaxError from './syntax-error';
import invalidStartAt from './invalid-start-at';
import unknownTransitionTarget from './unknown-transition-target';
import unreachableState from './unreachable-state';
import missingNextOrEnd from './missing-next-or-end';
import invalidField from './invalid-field';
import invalidExpression from './invalid-expression';
import wildcardResource from './wildcard-resource';
import runtimeResource from './runtime-resource';
import privilegedSdkAction from './privileged-sdk-action';
import runtimeRole from './runtime-role';
import callbackWithoutHeartbeat from './callback-without-heartbeat';
import selfRecursion from './self-recursion';
import unboundedMap from './unbounded-map';
import unboundedLoop from './unbounded-loop';
import retryStorm from './retry-storm';
import inlineSecret from './inline-secret';
import secretInStateData from './secret-in-state-data';
import tokenThroughState from './token-through-state';
import httpInlineAuth from './http-inline-auth';
import containerEnvSecret from './container-env-secret';
import secretSubstitution from './secret-substitution';
import runtimeHttpEndpoint from './runtime-http-endpoint';

export const RULES: readonly Rule[] = [
  syntaxError, // ASL001
  invalidStartAt, // ASL002
  unknownTransitionTarget, // ASL003
  unreachableState, // ASL004
  missingNextOrEnd, // ASL005
  invalidField, // ASL006
  invalidExpression, // ASL007
  wildcardResource, // IAM001
  runtimeResource, // IAM002
  privilegedSdkAction, // IAM003
  runtimeRole, // IAM004
  callbackWithoutHeartbeat, // QUO001
  selfRecursion, // QUO002
  unboundedMap, // QUO003
  unboundedLoop, // QUO004
  retryStorm, // QUO005
  inlineSecret, // SEC001
  secretInStateData, // SEC002
  tokenThroughState, // SEC003
  httpInlineAuth, // SEC004
  containerEnvSecret, // SEC005
  secretSubstitution, // SEC006
  runtimeHttpEndpoint, // SEC007
];
