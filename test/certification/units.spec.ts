import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badgeSvg } from '../../certification/badge.ts';
import { catalogueDigest } from '../../certification/catalogueDigest.ts';
import { canonicalJson, sha256Text } from '../../certification/digest.ts';
import { EvidenceWriter } from '../../certification/evidenceWriter.ts';
import { productFrom } from '../../certification/product.ts';
import { checkProduct } from '../../certification/schemas.ts';
import type { AttemptRecord } from '../../harness/transcript.ts';
import { RULE_CATALOGUE_VERSION } from '../../specs/catalogVersion.ts';
import { RULE_IDS } from '../../specs/ruleIds.ts';
import { inShard, parseShard } from '../../specs/shard.ts';

describe('canonicalJson and the catalogue digest', () => {
  it('sorts keys at every depth, so equal values hash the same however they were built', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"y":null,"z":0}]},"b":1}');
    expect(sha256Text(canonicalJson({ a: 1, b: 2 }))).toBe(sha256Text(canonicalJson({ b: 2, a: 1 })));
  });

  it('names the installed catalogue: its version, every rule, a stable SHA-256', () => {
    const digest = catalogueDigest();
    expect(digest).toEqual({ version: RULE_CATALOGUE_VERSION, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), rules: RULE_IDS.length });
    expect(catalogueDigest().sha256).toBe(digest.sha256);
  });
});

describe('--shard i/n', () => {
  it.each(['0/3', '4/3', '1/0', '2', 'a/b', '1/2/3'])('refuses %j', (text) => {
    expect(() => parseShard(text)).toThrow(/--shard must be i\/n/);
  });

  it('deals the list into disjoint parts that together are the whole list, the same way every time', () => {
    const list = Array.from({ length: 33 }, (_, i) => `pair-${i}`);
    for (const count of [1, 2, 3, 5, 40]) {
      const parts = Array.from({ length: count }, (_, i) => inShard(list, { index: i + 1, count }));
      expect(parts.flat().sort()).toEqual([...list].sort());
      expect(new Set(parts.flat()).size).toBe(list.length);
      expect(inShard(list, { index: 1, count })).toEqual(parts[0]);
    }
    expect(inShard(list, undefined)).toEqual(list);
  });
});

describe('EvidenceWriter', () => {
  const attempt = (body: string): AttemptRecord => ({
    request: { method: 'POST', url: 'http://127.0.0.1:1/', headers: { authorization: 'AWS4-HMAC-SHA256 Credential=<redacted>/x' }, body },
    response: { status: 200, body: `<ok>${body}</ok>` },
    startedAt: '2026-12-01T00:00:00.000Z',
    durationMs: 1,
  });

  it('appends one labelled JSON line per attempt, scrubbing secrets, and counts what arrives after close', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ec2idem-evidence-')), 'evidence.jsonl');
    const writer = new EvidenceWriter(path, ['SECRETFROMCHAIN']);
    // Enough lines to flush several times while the run goes on, so nothing waits for the end.
    for (let i = 0; i < 400; i += 1) writer.add({ rule: 'PARAM-MISMATCH', action: 'RunInstances', case: i, attempt: attempt(`Action=RunInstances&n=${i}&k=AKIDRUNKEY&s=SECRETFROMCHAIN${'x'.repeat(300)}`) }, ['AKIDRUNKEY']);
    expect((await readFile(path, 'utf8')).length).toBeGreaterThan(0);
    writer.close();
    writer.add({ rule: 'PARAM-MISMATCH', action: 'RunInstances', case: 401, attempt: attempt('late') }, []);
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(400);
    expect(writer).toMatchObject({ lines: 400, late: 1 });
    expect(lines[7]).toMatchObject({ rule: 'PARAM-MISMATCH', action: 'RunInstances', case: 7, attempt: { request: { method: 'POST' }, response: { status: 200 } } });
    const text = JSON.stringify(lines);
    expect(text).not.toContain('AKIDRUNKEY');
    expect(text).not.toContain('SECRETFROMCHAIN');
    expect(text).toContain('<redacted>');
  });

  it('never overwrites a file that is already there', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ec2idem-evidence-')), 'evidence.jsonl');
    new EvidenceWriter(path).close();
    expect(() => new EvidenceWriter(path)).toThrow(/EEXIST/);
  });
});

describe('product.json', () => {
  it('takes each field from a flag, else from the target file, and the regions from the target', () => {
    const product = productFrom({ version: '2.1', vendor: undefined }, { vendor: 'Acme', product: 'Acme Cloud', version: '2.0', endpointKind: 'cloud' }, ['eu-west-1']);
    expect(product).toEqual({ vendor: 'Acme', product: 'Acme Cloud', version: '2.1', endpointKind: 'cloud', regions: ['eu-west-1'] });
    expect(checkProduct(product)).toEqual([]);
  });

  it('names the flags (and target-file fields) a missing field needs', () => {
    expect(() => productFrom({ vendor: 'Acme' }, undefined, ['us-east-1'])).toThrow(/give --product, --product-version, --endpoint-kind \(or "product", "version", "endpointKind" in the target file's "product"\)/);
  });

  it('is checked against its schema', () => {
    expect(checkProduct({ vendor: 'Acme', product: 'P', version: '1', endpointKind: 'mainframe', regions: ['us-east-1'] })).toEqual([expect.stringMatching(/endpointKind must be one of/)]);
    expect(checkProduct({ vendor: 'Acme', product: 'P', version: '1', endpointKind: 'cloud', regions: [] })).toEqual([expect.stringMatching(/regions/)]);
  });
});

describe('badge.svg', () => {
  it('is self-contained, states suite version, profile, verdict and level, and escapes what it shows', () => {
    const svg = badgeSvg({ suiteVersion: '0.1.0', profile: 'seed', verdict: 'conformant', level: 'MUST+SHOULD' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<title>ec2-idem 0.1.0 · seed: conformant · MUST+SHOULD</title>');
    // No external fonts, images, links or scripts: the only URL is the SVG namespace.
    expect(svg.match(/https?:\/\//g)).toEqual(['http://']);
    expect(svg).not.toMatch(/<script|href=|@import|url\(/);
    expect(badgeSvg({ suiteVersion: '1<2>"&', profile: 'seed', verdict: 'not-conformant', level: 'none' })).toContain('1&lt;2&gt;&quot;&amp;');
  });
});
