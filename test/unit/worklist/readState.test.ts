import { describe, expect, it } from 'vitest';
import { deriveReadState, ReadState, readStateName } from '../../../renderer/cache/readState';
import { OUTBOX_STATE } from '../../../app/sync';

describe('deriveReadState', () => {
  it('is new when nothing was done, in progress once opened', () => {
    expect(deriveReadState(undefined, [])).toBe(ReadState.new);
    expect(deriveReadState({ openedAt: 10 }, [])).toBe(ReadState.inProgress);
  });

  it('is reported while an answer is not acknowledged (pending, sending or refused), sent once every one is', () => {
    for (const state of [OUTBOX_STATE.pending, OUTBOX_STATE.sending, OUTBOX_STATE.waiting, OUTBOX_STATE.rejected]) expect(deriveReadState({ openedAt: 10 }, [{ state, createdAt: 20 }])).toBe(ReadState.reported);
    expect(deriveReadState({ openedAt: 10 }, [{ state: OUTBOX_STATE.acknowledged, createdAt: 20 }])).toBe(ReadState.sent);
    expect(deriveReadState(undefined, [{ state: OUTBOX_STATE.acknowledged, createdAt: 20 }, { state: OUTBOX_STATE.pending, createdAt: 30 }])).toBe(ReadState.reported);
    // An answer sent without the viewer (another screen, a script) still counts.
    expect(deriveReadState(undefined, [{ state: OUTBOX_STATE.acknowledged, createdAt: 20 }])).toBe(ReadState.sent);
  });

  it('is new again when marked new: earlier openings and answers no longer count, later ones do', () => {
    const marked = { openedAt: 10, markedNewAt: 40 };
    expect(deriveReadState(marked, [{ state: OUTBOX_STATE.acknowledged, createdAt: 20 }])).toBe(ReadState.new);
    expect(deriveReadState({ ...marked, openedAt: 50 }, [{ state: OUTBOX_STATE.acknowledged, createdAt: 20 }])).toBe(ReadState.inProgress);
    expect(deriveReadState(marked, [{ state: OUTBOX_STATE.pending, createdAt: 60 }])).toBe(ReadState.reported);
    // Marked new in the same millisecond as opened: new (the later action wins ties).
    expect(deriveReadState({ openedAt: 40, markedNewAt: 40 }, [])).toBe(ReadState.new);
  });

  it('stores explicit values and names them', () => {
    expect(ReadState).toEqual({ new: 0, inProgress: 1, reported: 2, sent: 3 });
    expect([0, 1, 2, 3].map((s) => readStateName(s as ReadState))).toEqual(['new', 'inProgress', 'reported', 'sent']);
  });
});
