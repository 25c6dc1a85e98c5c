// The LaunchTemplate shape shared by Create/Describe/DeleteLaunchTemplate.
import type { LaunchTemplate } from '../store.ts';
import type { XmlNode } from '../xml.ts';
import { isoSeconds, tagSetXml } from './common.ts';

export function launchTemplateXml(template: LaunchTemplate): XmlNode {
  return {
    launchTemplateId: template.id,
    launchTemplateName: template.name,
    createTime: isoSeconds(template.createdAt),
    createdBy: template.createdBy,
    defaultVersionNumber: 1,
    latestVersionNumber: 1,
    tagSet: tagSetXml(template.tags),
  };
}
