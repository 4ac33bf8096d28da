/**
 * A zustand PersistStorage over localStorage that never throws and never silently discards data.
 * zustand's JSON storage merges whatever it finds; here every load is validated, and anything that
 * cannot be used as is (unreadable, wrong shape, newer version, hostile keys) is first copied to a
 * backup key so the student can download it.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';

export type StorageProblem = { kind: 'recovered'; backupKey: string | null } | { kind: 'unavailable' };

export interface ValidatedStorageOptions<S> {
  version: number;
  /** Validates (and migrates, for older versions) stored state; `lossy` = something was dropped. */
  parse: (state: unknown, version: number) => { data: S; lossy: boolean };
  onProblem: (problem: StorageProblem) => void;
  /** Injected for tests; defaults to window.localStorage, looked up lazily because it may throw. */
  getStorage?: () => Storage;
  now?: () => number;
}

export const BACKUP_SUFFIX = ':backup:';

/** Reads and validates one stored value without side effects (for the storage event of other tabs). */
export function readStoredValue<S>(
  raw: string | null,
  options: Pick<ValidatedStorageOptions<S>, 'version' | 'parse'>,
): S | null {
  if (raw === null) return null;
  const envelope = safeJsonParse(raw) as Partial<StorageValue<unknown>> | undefined;
  if (typeof envelope !== 'object' || envelope === null || !Number.isInteger(envelope.version)) return null;
  if ((envelope.version as number) > options.version) return null;
  return options.parse(envelope.state, envelope.version as number).data;
}

export function createValidatedStorage<S>(options: ValidatedStorageOptions<S>): PersistStorage<S> {
  const storage = (): Storage | undefined => {
    try {
      return (options.getStorage ?? (() => window.localStorage))();
    } catch {
      return undefined;
    }
  };
  const now = options.now ?? (() => new Date().getTime());

  // Keys whose unreadable data could not be backed up: never overwrite them.
  const frozen = new Set<string>();
  const backUp = (name: string, raw: string): void => {
    const existing = findBackup(storage(), name, raw);
    if (existing) {
      // Rehydrating again (another tab, a reload before the next write) must not pile up copies.
      options.onProblem({ kind: 'recovered', backupKey: existing });
      return;
    }
    const key = `${name}${BACKUP_SUFFIX}${new Date(now()).toISOString()}`;
    try {
      storage()?.setItem(key, raw);
      options.onProblem({ kind: 'recovered', backupKey: key });
    } catch {
      // Storage full: leave the original where it is and stop writing over it.
      frozen.add(name);
      options.onProblem({ kind: 'recovered', backupKey: null });
    }
  };

  return {
    getItem(name): StorageValue<S> | null {
      let raw: string | null;
      try {
        raw = storage()?.getItem(name) ?? null;
      } catch {
        options.onProblem({ kind: 'unavailable' });
        return null;
      }
      if (raw === null) return null;
      const value = safeJsonParse(raw);
      const envelope = value as Partial<StorageValue<unknown>> | undefined;
      const version = envelope?.version;
      if (
        typeof envelope !== 'object' ||
        envelope === null ||
        typeof version !== 'number' ||
        !Number.isInteger(version)
      ) {
        backUp(name, raw);
        return null;
      }
      if (version > options.version) {
        // Written by a newer release of the course: keep a copy, then start from what we understand.
        backUp(name, raw);
        return null;
      }
      // Older versions are migrated here rather than in zustand's migrate, so a lossy migration
      // can still back up the raw original.
      const { data, lossy } = options.parse(envelope.state, version);
      if (lossy) backUp(name, raw);
      return { state: data, version: options.version };
    },
    setItem(name, value): void {
      if (frozen.has(name)) return;
      try {
        storage()?.setItem(name, JSON.stringify(value));
      } catch {
        options.onProblem({ kind: 'unavailable' });
      }
    },
    removeItem(name): void {
      try {
        storage()?.removeItem(name);
      } catch {
        options.onProblem({ kind: 'unavailable' });
      }
    },
  };
}

function safeJsonParse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function findBackup(storage: Storage | undefined, name: string, raw: string): string | undefined {
  if (!storage) return undefined;
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(`${name}${BACKUP_SUFFIX}`) && storage.getItem(key) === raw) return key;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
