import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { REDACTED } from '../harness/redact.ts';
import type { AttemptRecord } from '../harness/transcript.ts';
import type { RunReport } from '../reports/model.ts';
import { canonicalJson } from './digest.ts';

/** A failure whose transcript must be found in the evidence. */
interface Wanted {
  readonly pair: string;
  /** Each attempt's key, with how many times the transcript has it. */
  readonly attempts: ReadonlyMap<string, number>;
}

const pairOf = (rule: string, action: string) => `${rule} × ${action}`;
const keyOf = (pair: string, attempt: unknown) => `${pair}\n${canonicalJson(attempt)}`;

/**
 * evidence.jsonl against report.json, read as a stream (it can be large): every line is an attempt
 * of a rule × action the report has, with secrets redacted; each rule × action has as many attempts
 * as the report counts requests; and every counterexample's transcript is there, all of it within
 * one case of its rule × action (attempts match on everything recorded: request, answer, times).
 */
export async function checkEvidence(path: string, report: RunReport): Promise<string[]> {
  const problems: string[] = [];
  const requests = new Map(report.rules.map((r) => [pairOf(r.rule, r.action), r.requests]));
  const wanted: Wanted[] = report.rules.flatMap((r) => {
    const transcript = r.failure?.transcript ?? [];
    if (transcript.length === 0) return [];
    const pair = pairOf(r.rule, r.action);
    const attempts = new Map<string, number>();
    for (const attempt of transcript) attempts.set(keyOf(pair, attempt), (attempts.get(keyOf(pair, attempt)) ?? 0) + 1);
    return [{ pair, attempts }];
  });
  const wantedPairs = new Set(wanted.map((w) => w.pair));
  const wantedKeys = new Set(wanted.flatMap((w) => [...w.attempts.keys()]));
  /** Per wanted attempt key: how many times each case has it. */
  const found = new Map<string, Map<number, number>>();
  const counted = new Map<string, number>();
  const malformed: number[] = [];
  const unredacted: number[] = [];
  const strangers = new Set<string>();
  let lineNumber = 0;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const text of lines) {
    lineNumber += 1;
    const line = parseLine(text);
    if (line === undefined) {
      malformed.push(lineNumber);
      continue;
    }
    if (!redacted(line.attempt)) unredacted.push(lineNumber);
    const pair = pairOf(line.rule, line.action);
    if (!requests.has(pair)) strangers.add(pair);
    counted.set(pair, (counted.get(pair) ?? 0) + 1);
    if (!wantedPairs.has(pair)) continue;
    const key = keyOf(pair, line.attempt);
    if (!wantedKeys.has(key)) continue;
    const cases = found.get(key) ?? new Map<number, number>();
    cases.set(line.case, (cases.get(line.case) ?? 0) + 1);
    found.set(key, cases);
  }
  if (malformed.length > 0) problems.push(`evidence.jsonl has ${malformed.length} line(s) that are not evidence lines (${first(malformed)})`);
  if (unredacted.length > 0) problems.push(`evidence.jsonl has ${unredacted.length} line(s) with a signature, key or session token not redacted (${first(unredacted)})`);
  if (strangers.size > 0) problems.push(`evidence.jsonl has attempts of rule × action tests report.json does not have: ${[...strangers].join(', ')}`);
  for (const [pair, expected] of requests) {
    const actual = counted.get(pair) ?? 0;
    if (actual !== expected) problems.push(`evidence.jsonl has ${actual} attempt(s) of ${pair}; report.json counts ${expected} request(s)`);
  }
  for (const { pair, attempts } of wanted) {
    const missing = [...attempts].filter(([key, times]) => total(found.get(key)) < times);
    if (missing.length > 0) {
      problems.push(`${pair} failed, but ${missing.length} of the ${attempts.size} distinct attempt(s) of its counterexample's transcript are not in evidence.jsonl (first: ${describeKey(missing[0]![0])})`);
    } else if (!oneCase(attempts, found)) {
      problems.push(`${pair} failed, and its counterexample's attempts are in evidence.jsonl, but not within one case`);
    }
  }
  return problems;
}

interface ParsedLine {
  readonly rule: string;
  readonly action: string;
  readonly case: number;
  readonly attempt: AttemptRecord;
}

function parseLine(text: string): ParsedLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const line = value as Partial<ParsedLine> | null;
  const attempt = line?.attempt as Partial<AttemptRecord> | undefined;
  const ok =
    typeof line?.rule === 'string' &&
    typeof line.action === 'string' &&
    Number.isInteger(line.case) &&
    typeof attempt?.startedAt === 'string' &&
    typeof attempt.request?.method === 'string' &&
    typeof attempt.request.url === 'string' &&
    typeof attempt.request.headers === 'object';
  return ok ? (line as ParsedLine) : undefined;
}

/** The recorder's redaction held: no signature, key id or session token in the clear. */
function redacted(attempt: AttemptRecord): boolean {
  for (const [name, value] of Object.entries(attempt.request.headers)) {
    const lower = name.toLowerCase();
    if (lower === 'authorization' && (/Signature=(?!<redacted>)/.test(value) || /Credential=(?!<redacted>)/.test(value))) return false;
    if (lower === 'x-amz-security-token' && value !== REDACTED) return false;
  }
  const query = `${attempt.request.url}&${attempt.request.body ?? ''}`;
  return !/[?&]X-Amz-(Signature|Credential|Security-Token)=(?!%3Credacted%3E|<redacted>)/.test(query);
}

function total(cases: ReadonlyMap<number, number> | undefined): number {
  return [...(cases?.values() ?? [])].reduce((sum, n) => sum + n, 0);
}

/** Some one case holds every attempt of the transcript, as many times as the transcript has it. */
function oneCase(attempts: ReadonlyMap<string, number>, found: ReadonlyMap<string, ReadonlyMap<number, number>>): boolean {
  let candidates: number[] | undefined;
  for (const [key, times] of attempts) {
    const cases = [...(found.get(key) ?? new Map<number, number>())].filter(([, n]) => n >= times).map(([c]) => c);
    candidates = candidates === undefined ? cases : candidates.filter((c) => cases.includes(c));
    if (candidates.length === 0) return false;
  }
  return true;
}

function describeKey(key: string): string {
  const attempt = JSON.parse(key.slice(key.indexOf('\n') + 1)) as AttemptRecord;
  return `${attempt.request.method} ${attempt.request.url} at ${attempt.startedAt}`;
}

function first(lines: readonly number[]): string {
  return `line${lines.length > 1 ? 's' : ''} ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''}`;
}
