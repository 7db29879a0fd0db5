import type { Annotation } from '../../../lib/annotate.js';

/** A problem a tool reported, ready to become an annotation. `file` is relative to the repository root. */
export interface Finding extends Annotation {
  tool: 'packer' | 'terraform' | 'tflint' | 'ansible-playbook' | 'ansible-lint' | 'ansible-galaxy';
}
