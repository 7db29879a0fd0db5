/** The Travis notification variables, and the message made from a template of them. */
export interface Variables {
  repository: string;
  branch: string;
  commit: string;
  author: string;
  commit_subject: string;
  result: string;
  duration: string;
  build_url: string;
  compare_url: string;
  pull_request_number: string;
  pull_request_url: string;
  workflow: string;
}

export const DEFAULT_TEMPLATE = '%{result}: %{repository}@%{branch} (%{commit}) by %{author}: "%{commit_subject}" in %{duration}. <%{build_url}|Details>';
/** A drift check runs on a schedule: no author or commit subject to name, the run says where the issue is. */
export const DRIFT_TEMPLATE = '%{result}: %{repository}@%{branch} (%{commit}), checked by %{workflow} in %{duration}. <%{build_url}|Details>';

/**
 * Text for Slack's markup: `&`, `<` and `>` are its only control characters (`<!channel>`,
 * `<@U123>`, `<https://x|label>`), so escaping them makes any value plain text.
 */
export function escapeSlack(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `%{name}` placeholders, as in Travis's `template:`; an unknown name is left as written. The
 * template is the workflow author's (its `<url|label>` links work); every value comes from the
 * repository or the event (commit subjects, PR titles, branch and author names) and is escaped,
 * so nobody can ping the channel or plant a link through a commit message.
 */
export function render(template: string, vars: Variables): string {
  return template.replace(/%\{(\w+)\}/g, (all, name: string) => (name in vars ? escapeSlack(vars[name as keyof Variables]) : all));
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return m ? `${m} min ${s % 60} sec` : `${s} sec`;
}
