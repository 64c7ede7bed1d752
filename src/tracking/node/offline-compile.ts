/**
 * Compiling pictures into a mind-ar target set in Node (`npm run catalog:build`, `npm run assets`),
 * with mind-ar's offline compiler drawing on @napi-rs/canvas, in compiling threads
 * (`compile-thread.mjs`) that share a set's covers out. The browser's editor compiles in a worker
 * instead (src/tracking/compile.ts); both scale pictures to the same size first.
 */
import { availableParallelism, totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { TARGET_SHORT_SIDE } from '../../domain/source/target-size.ts';
import { assembleTargetSet } from '../mind-file.ts';

/** A set's entries are independent: builds reuse compiled covers by splitting and joining sets. */
export { assembleTargetSet, oneTargetOf, splitTargetSet, targetSetLayout } from '../mind-file.ts';

/**
 * How many covers compile at once. mind-ar's compiler keeps one core busy per cover, so a build on
 * a staff computer with 8 cores is up to 8 times faster. Each thread holds about 330 MB (tfjs and
 * a cover's images; measured on a 45-cover build here), so there is at most one a GiB of memory.
 */
export const COMPILE_THREADS = Math.max(
  1,
  Math.min(availableParallelism(), 8, Math.floor(totalmem() / 2 ** 30)),
);

interface Job {
  readonly images: Uint8Array[];
  readonly resolve: (bytes: Uint8Array) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Compiling threads, started on first use and kept for the next set of the same build. An idle
 * thread is unref'd, so a finished build exits without closing them. A thread that stops (an
 * error, running out of memory) fails the job it had, never leaves it waiting; the next job
 * starts another.
 */
export class CompilePool {
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly working = new Map<Worker, Job>();
  private started = 0;

  constructor(
    private readonly size = COMPILE_THREADS,
    /** The thread's script (tests give one that fails). */
    private readonly script = new URL('./compile-thread.mjs', import.meta.url),
  ) {}

  compile(images: Uint8Array[]): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ images, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.queue.length === 0) return;
    const worker = this.idle.pop() ?? this.start();
    const job = worker && this.queue.shift();
    if (!worker || !job) return;
    this.working.set(worker, job);
    worker.ref();
    const copies = job.images.map((bytes) => bytes.slice());
    worker.postMessage(
      { images: copies },
      copies.map((bytes) => bytes.buffer),
    );
  }

  private start(): Worker | undefined {
    if (this.started >= this.size) return undefined;
    this.started++;
    const worker = new Worker(this.script);
    worker.on('message', (answer: { bytes?: Uint8Array; error?: string }) => {
      const job = this.working.get(worker);
      this.working.delete(worker);
      if (answer.bytes) job?.resolve(answer.bytes);
      else job?.reject(new Error(answer.error ?? 'the compiling thread gave no answer'));
      worker.unref();
      this.idle.push(worker);
      this.next();
    });
    let failure: Error | undefined;
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      this.started--;
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      const job = this.working.get(worker);
      this.working.delete(worker);
      job?.reject(failure ?? new Error(`the compiling thread stopped (exit code ${code})`));
      this.next();
    });
    return worker;
  }
}

let pool: CompilePool | undefined;

/** Scales a picture so its shorter side is at most `TARGET_SHORT_SIDE`, as PNG bytes. */
async function scaledForTarget(bytes: Uint8Array): Promise<Uint8Array> {
  const image = await loadImage(bytes);
  const scale = Math.min(1, TARGET_SHORT_SIDE / Math.min(image.width, image.height));
  const width = Math.round(image.width * scale);
  const height = Math.round(image.height * scale);
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').drawImage(image, 0, 0, width, height);
  return canvas.toBuffer('image/png');
}

/**
 * Compiles encoded pictures (JPEG, PNG) into one `.mind` file, in their order. The covers are
 * shared out among `threads` compiling threads in runs of neighbours, and the runs' files joined:
 * a set's entries are independent, so the file is the same as one thread's.
 */
export async function compileTargetSet(
  images: readonly Uint8Array[],
  threads = COMPILE_THREADS,
): Promise<Uint8Array> {
  const scaled = await Promise.all(images.map(scaledForTarget));
  const perRun = Math.ceil(scaled.length / Math.max(1, threads));
  const runs: Uint8Array[][] = [];
  for (let at = 0; at < scaled.length; at += perRun) runs.push(scaled.slice(at, at + perRun));
  pool ??= new CompilePool();
  const compiling = pool;
  const files = await Promise.all(runs.map((run) => compiling.compile(run)));
  return files.length === 1 ? (files[0] as Uint8Array) : assembleTargetSet(files);
}
