// The LaunchTemplate shape shared by Create/Describe/DeleteLaunchTemplate: its version numbers as
// they are when rendered (a create's answer is rendered once, so it keeps 1 and 1).
import { latestVersionNumber } from '../launchTemplateVersions.ts';
import type { LaunchTemplate } from '../store.ts';
import type { XmlNode } from '../xml.ts';
import { isoSeconds, tagSetXml } from './common.ts';

export function launchTemplateXml(template: LaunchTemplate): XmlNode {
  return {
    launchTemplateId: template.id,
    launchTemplateName: template.name,
    createTime: isoSeconds(template.createdAt),
    createdBy: template.createdBy,
    defaultVersionNumber: template.defaultVersion,
    latestVersionNumber: latestVersionNumber(template),
    tagSet: tagSetXml(template.tags),
  };
}
