// The LaunchTemplateVersion shape of Create/DescribeLaunchTemplateVersions. `defaultVersion` is
// as of rendering: a create's answer is rendered once, when the new version is not the default.
import type { LaunchTemplate, LaunchTemplateVersion } from '../store.ts';
import type { XmlNode } from '../xml.ts';
import { isoSeconds } from './common.ts';
import { launchTemplateDataXml } from './launchTemplateData.ts';

export function launchTemplateVersionXml(template: LaunchTemplate, version: LaunchTemplateVersion): XmlNode {
  return {
    launchTemplateId: template.id,
    launchTemplateName: template.name,
    versionNumber: version.number,
    versionDescription: version.description,
    createTime: isoSeconds(version.createdAt),
    createdBy: version.createdBy,
    defaultVersion: version.number === template.defaultVersion,
    launchTemplateData: launchTemplateDataXml(version.data),
  };
}
