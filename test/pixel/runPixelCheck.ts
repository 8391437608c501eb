import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium';
import { startWebMode } from '../e2e/support/webMode';
import { comparePixels } from './comparePixels';
import { describeFile, type FileUnderCheck } from './describeFile';
import { referenceFrames } from './referenceFrames';

/** Options of {@link runPixelCheck}. */
export interface PixelCheckOptions {
  /** Minimum PSNR, in dB against the reference decode, of lossy files (default 40). */
  lossyMinPsnr?: number;
  log?: (line: string) => void;
  /**
   * For files in a syntax GDCM cannot read (HTJ2K): the path of the same image in a syntax it reads,
   * decoded as the reference instead.
   */
  referenceFiles?: Record<string, string>;
}

/** The verdict on one file. */
export interface PixelCheckResult {
  path: string;
  status: 'exact' | 'within-tolerance' | 'mismatch' | 'decode-error' | 'skipped';
  TransferSyntaxUID?: string;
  frames?: number;
  detail: string;
  /** Defects of the file read past as DCMTK and GDCM do (parsePart10's warnings). */
  warnings?: string[];
}

const root = join(import.meta.dirname, '..', '..');

/**
 * Decodes every frame of the given files the way the viewer does (folder node -> gateway ->
 * Cornerstone3D's image loader in Chromium) and compares the modality values with GDCM's decode:
 * lossless syntaxes must match exactly, lossy ones within `lossyMinPsnr` dB of GDCM's decode.
 */
export async function runPixelCheck(paths: string[], options: PixelCheckOptions = {}): Promise<PixelCheckResult[]> {
  const log = options.log ?? (() => undefined);
  const minPsnr = options.lossyMinPsnr ?? 40;
  const results: PixelCheckResult[] = [];
  const files: FileUnderCheck[] = [];
  for (const path of paths) {
    const described = describeFile(path);
    if ('reason' in described) results.push({ path, status: 'skipped', detail: described.reason });
    else files.push(described);
  }
  if (files.length === 0) return results;

  // Files sharing a SOP Instance UID go to different folder nodes ("rounds").
  const rounds: FileUnderCheck[][] = [];
  for (const file of files) {
    const round = rounds.find((r) => !r.some((f) => f.SOPInstanceUID === file.SOPInstanceUID)) ?? (rounds.push([]), rounds.at(-1)!);
    round.push(file);
  }
  const work = mkdtempSync(join(tmpdir(), 'garde-pixel-check-'));
  const nodes = rounds.map((round, i) => {
    const dir = join(work, `round-${i}`);
    mkdirSync(dir, { recursive: true });
    round.forEach((f, j) => copyFileSync(f.path, join(dir, `${j}-${basename(f.path)}`)));
    return { id: `round-${i}`, name: `Round ${i}`, kind: 'folder', path: dir };
  });
  writeFileSync(join(work, 'nodes.json'), JSON.stringify({ nodes }));

  const build = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '-c', 'vite.pixel-check.config.ts', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('pixel check page build failed');
  const web = await startWebMode(['--nodes', join(work, 'nodes.json'), '--renderer', join(root, 'out', 'pixel-check')]);
  const context = await launchChromium();
  const session = new PageSession(context, web.url);
  try {
    for (const [i, round] of rounds.entries()) {
      for (const file of round) {
        const reference = options.referenceFiles?.[file.path];
        const frames = await session.framesOf(`round-${i}`, round, file);
        if ('error' in frames) results.push({ path: file.path, status: 'decode-error', TransferSyntaxUID: file.TransferSyntaxUID, frames: file.NumberOfFrames, detail: `the viewer did not open the study: ${frames.error}` });
        else results.push(await checkFile(file, frames, minPsnr, (imageId) => session.decode(imageId), reference));
        log(`${results.at(-1)!.status.padEnd(16)} ${file.path}  ${results.at(-1)!.detail}`);
      }
    }
  } finally {
    await context.close();
    await web.stop();
  }
  return results;
}

type Decoder = (imageId: string) => Promise<Float32Array>;

type PixelCheckWindow = {
  pixelCheck: {
    init(): Promise<{ ok: boolean }>;
    listFrames(nodeId: string, study: string): Promise<{ imageId: string; SOPInstanceUID: string; frame: number }[]>;
    decode(imageId: string): Promise<{ values: string }>;
  };
};

/**
 * The check page in Chromium. A decode that does not settle within {@link DECODE_LIMIT_MS} is
 * reported as an error, and the page is opened anew (fresh decode workers) for the next frames.
 */
class PageSession {
  private page: Page | undefined;
  private round: { nodeId: string; frames: Map<string, { imageId: string; frame: number }[]>; failed: Map<string, string> } | undefined;

  constructor(
    private readonly context: BrowserContext,
    private readonly url: string,
  ) {}

  private async open(): Promise<Page> {
    if (this.page) return this.page;
    const page = await this.context.newPage();
    await page.goto(this.url);
    await page.waitForFunction(() => document.title === 'pixel-check-ready');
    const status = await page.evaluate(() => (window as never as PixelCheckWindow).pixelCheck.init());
    if (!status.ok) throw new Error(`Cornerstone3D did not start: ${JSON.stringify(status)}`);
    this.page = page;
    this.round = undefined;
    return page;
  }

  /** The frames of one SOP instance on a round's node, registered with this page's image loader, or why its study did not open. */
  async framesOf(nodeId: string, round: FileUnderCheck[], file: FileUnderCheck): Promise<{ imageId: string; frame: number }[] | { error: string }> {
    const page = await this.open();
    if (this.round?.nodeId !== nodeId) {
      const frames = new Map<string, { imageId: string; frame: number }[]>();
      const failed = new Map<string, string>();
      for (const study of new Set(round.map((f) => f.StudyInstanceUID))) {
        try {
          const listed = await page.evaluate(([n, s]) => (window as never as PixelCheckWindow).pixelCheck.listFrames(n, s), [nodeId, study] as const);
          for (const f of listed) frames.set(f.SOPInstanceUID, [...(frames.get(f.SOPInstanceUID) ?? []), f]);
        } catch (error) {
          failed.set(study, (error as Error).message.split('\n')[0]!.replace(/^page\.evaluate: /, ''));
        }
      }
      this.round = { nodeId, frames, failed };
    }
    const error = this.round.failed.get(file.StudyInstanceUID);
    return error ? { error } : (this.round.frames.get(file.SOPInstanceUID) ?? []);
  }

  async decode(imageId: string): Promise<Float32Array> {
    const page = await this.open();
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no decode result within ${DECODE_LIMIT_MS / 1000} s`)), DECODE_LIMIT_MS);
    });
    try {
      const decoded = await Promise.race([page.evaluate((id) => (window as never as PixelCheckWindow).pixelCheck.decode(id), imageId), limit]);
      const bytes = Buffer.from(decoded.values, 'base64');
      return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    } catch (error) {
      if (/no decode result/.test((error as Error).message)) {
        this.page = undefined;
        await page.close().catch(() => undefined);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

const DECODE_LIMIT_MS = 30_000;

async function checkFile(file: FileUnderCheck, frames: { imageId: string; frame: number }[], minPsnr: number, decode: Decoder, referencePath?: string): Promise<PixelCheckResult> {
  const base = { path: file.path, TransferSyntaxUID: file.TransferSyntaxUID, frames: file.NumberOfFrames, ...(file.warnings.length > 0 ? { warnings: file.warnings } : {}) };
  if (frames.length !== file.NumberOfFrames) return { ...base, status: 'decode-error', detail: `the viewer lists ${frames.length} frames, the file has ${file.NumberOfFrames}` };
  let reference: Float64Array[];
  try {
    reference = referenceFrames(referencePath ? { ...file, path: referencePath } : file);
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).split('\n')[0];
    return { ...base, status: 'skipped', detail: `the reference decoder (gdcmraw) failed: ${stderr}` };
  }
  let worstPsnr = Infinity;
  for (const { imageId, frame } of frames.sort((a, b) => a.frame - b.frame)) {
    let decoded: Float32Array;
    try {
      decoded = await decode(imageId);
    } catch (error) {
      return { ...base, status: 'decode-error', detail: `frame ${frame}: ${(error as Error).message.split('\n')[0]}` };
    }
    const c = comparePixels(reference[frame - 1]!, decoded);
    worstPsnr = Math.min(worstPsnr, c.psnr);
    if (file.lossless && c.mismatches > 0) {
      const at = c.firstMismatch;
      const sample = `reference ${[...reference[frame - 1]!.subarray(at, at + 3)].join(',')} vs decoded ${[...decoded.subarray(at, at + 3)].join(',')}`;
      return { ...base, status: 'mismatch', detail: `frame ${frame}: ${c.mismatches}/${c.pixels} values differ, max |diff| ${c.maxAbsDiff}, first at value ${at} (${sample})` };
    }
    if (!file.lossless && c.psnr < minPsnr) return { ...base, status: 'mismatch', detail: `frame ${frame}: PSNR ${c.psnr.toFixed(1)} dB < ${minPsnr} dB` };
  }
  // Lossless frames that passed are equal to the reference within float32 rounding of the modality value.
  return file.lossless || worstPsnr === Infinity
    ? { ...base, status: 'exact', detail: `${frames.length} frame(s) identical` }
    : { ...base, status: 'within-tolerance', detail: `worst PSNR ${worstPsnr.toFixed(1)} dB` };
}
