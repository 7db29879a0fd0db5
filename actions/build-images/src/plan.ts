import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../../lib/errors.js';
import type { GitContext } from '../../../lib/git-context.js';
import { forLog } from '../../../lib/log.js';
import { parseDockerfile, type Dockerfile } from './dockerfile.js';
import type { Inputs } from './inputs.js';
import { imageRef, type ImageRef } from './reference.js';
import { checkDistinctImages, discoverServices, type Service } from './services.js';
import { computeTags, whyNoTag } from './tags.js';

/**
 * What every service will become in this run, worked out once and before anything runs: its image,
 * its tags and its parsed Dockerfile. Every problem a user can fix in the workflow or the repository
 * (no tag applies, a target stage that does not exist, two services on one image) is found here,
 * before the login, the first build or the first push.
 */
export interface ServicePlan {
  service: Service;
  image: ImageRef;
  tags: string[];
  dockerfile: Dockerfile;
}

export function planServices(workspace: string, inputs: Inputs, git: GitContext, now: Date): ServicePlan[] {
  const services = discoverServices(workspace, inputs.services, inputs['image-names']);
  const imageOf = (s: Service) => imageRef(inputs.registry, inputs.namespace, s.name);
  checkDistinctImages(services, (s) => imageOf(s).ref, inputs['image-names']);
  const plans = services.map((service) => ({
    service,
    image: imageOf(service),
    tags: computeTags(inputs.tags, git, service.version, now),
    dockerfile: parseDockerfile(readFileSync(join(workspace, service.dockerfile), 'utf8')),
  }));
  checkTags(plans, inputs, git);
  if (inputs.target) checkTarget(plans, inputs.target);
  return plans;
}

function checkTags(plans: ServicePlan[], inputs: Inputs, git: GitContext): void {
  const untagged = plans.filter((p) => !p.tags.length);
  if (!untagged.length) return;
  const reasons = untagged.map((p) => `${p.service.service} (${inputs.tags.rules.map((r) => whyNoTag(r, git, p.service.context)).join('; ') || 'no rule'})`);
  const asked = [...inputs.tags.rules, ...inputs.tags.raw.map((t) => `raw:${t}`)].join(', ');
  throw new UsageError(
    `Input "tags" is ${forLog(asked)}, which gives no tag on this ${git.eventName} event to ${reasons.join(', ')}. ` +
      'Add a rule that applies here (e.g. sha), or raw:<tag>.',
  );
}

function checkTarget(plans: ServicePlan[], target: string): void {
  for (const p of plans) {
    const names = p.dockerfile.stages.map((s) => s.name).filter(Boolean);
    if (!names.includes(target.toLowerCase())) {
      throw new UsageError(
        `Input "target" is ${forLog(target)}, but ${p.service.dockerfile} has no stage of that name (${names.length ? `its stages: ${names.join(', ')}` : 'it names no stage with FROM ... AS <name>'}).`,
      );
    }
  }
}
