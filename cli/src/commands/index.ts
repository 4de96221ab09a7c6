// The command table of `asl-guard`: one row per sub-command, each implemented in its own file here.
import type { CommandEntry } from '../command';

/** Every sub-command, in the order `asl-guard --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'scan',
    summary: 'Scan ASL files and folders for security, quota and structural problems.',
    load: () => import('./scan.js'),
  },
  {
    name: 'policy',
    summary: 'Print the least-privilege IAM policy a definition needs (JSON, CloudFormation or Terraform).',
    load: () => import('./policy.js'),
  },
];
