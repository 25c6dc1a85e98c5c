// DeleteVolume: the emulator attaches no volumes, so any visible volume can go; answers `<return>`.
import { deleteHandler } from '../deletion.ts';
import { VOLUMES } from '../resourceKinds.ts';

export const deleteVolume = deleteHandler({ kind: VOLUMES, idParam: 'VolumeId' });
