// What a CreateManagedPrefixList request asks for: a name (not in the `com.amazonaws` namespace AWS
// keeps for its own lists), an address family, a maximum of 1–1000 entries, and entries whose
// CIDRs are of that family, distinct, and no more than the maximum.
import { invalidParameterValue, missingParameter } from './errors.ts';
import { isIpv6Cidr, parseIpv4Cidr } from './cidr.ts';
import { readInteger, readStructList, requireString } from './params.ts';
import type { Params } from './params.ts';
import type { PrefixListEntry } from './resources.ts';

export interface PrefixListSpec {
  name: string;
  addressFamily: string;
  maxEntries: number;
  entries: PrefixListEntry[];
}

const FAMILIES = ['IPv4', 'IPv6'];
const MAX_TEXT = 255;

function readEntries(params: Params, addressFamily: string): PrefixListEntry[] {
  const entries = readStructList(params, 'Entry').map((entry, index) => {
    const cidr = entry.get('Cidr');
    if (!cidr) throw missingParameter(`Entry.${index + 1}.Cidr`);
    const valid = addressFamily === 'IPv4' ? parseIpv4Cidr(cidr) !== undefined : isIpv6Cidr(cidr);
    if (!valid) throw invalidParameterValue(`The CIDR ${cidr} is not a valid ${addressFamily} CIDR block.`);
    const description = entry.get('Description');
    if (description !== undefined && [...description].length > MAX_TEXT) throw invalidParameterValue(`Entry.${index + 1}.Description is longer than ${MAX_TEXT} characters.`);
    return { cidr, description };
  });
  const duplicate = entries.find((entry, index) => entries.findIndex((other) => other.cidr === entry.cidr) !== index);
  if (duplicate) throw invalidParameterValue(`The CIDR ${duplicate.cidr} is given more than once.`);
  return entries;
}

export function readPrefixListSpec(params: Params): PrefixListSpec {
  const name = requireString(params, 'PrefixListName');
  if ([...name].length > MAX_TEXT) throw invalidParameterValue(`PrefixListName is longer than ${MAX_TEXT} characters.`);
  if (name.toLowerCase().startsWith('com.amazonaws')) throw invalidParameterValue('Prefix list names may not start with com.amazonaws.');
  requireString(params, 'MaxEntries');
  const maxEntries = readInteger(params, 'MaxEntries', 1, 1000)!;
  const addressFamily = requireString(params, 'AddressFamily');
  if (!FAMILIES.includes(addressFamily)) throw invalidParameterValue(`Value (${addressFamily}) for parameter AddressFamily is invalid. Expected: IPv4 or IPv6.`);
  const entries = readEntries(params, addressFamily);
  if (entries.length > maxEntries) throw invalidParameterValue(`The prefix list has ${entries.length} entries; MaxEntries is ${maxEntries}.`);
  return { name, addressFamily, maxEntries, entries };
}
