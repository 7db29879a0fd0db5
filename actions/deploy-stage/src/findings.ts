/** A problem a tool reported, ready to become an annotation. Paths are relative to the workspace. */
export interface Finding {
  tool: 'packer' | 'terraform' | 'tflint' | 'ansible-playbook' | 'ansible-lint';
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  title?: string;
}
