import { describe, expect, it } from 'vitest';
import { CT_WINDOW_PRESETS } from '../../../app/dicom/windowPresets';
import { DEFAULT_PROTOCOL_FILES, defaultProtocols, HangingProtocolError, loadProtocols, parseProtocol } from '../../../app/hanging';

const valid = () => ({
  id: 'test',
  name: { fr: 'Test', en: 'Test' },
  selectors: { any: { rules: [{ attribute: 'Modality', equals: 'CT' }] } },
  stages: [{ id: 's', name: { fr: 'S', en: 'S' }, rows: 1, columns: 1, viewports: [{ selector: 'any' }] }],
});

function errorOf(content: unknown): HangingProtocolError {
  try {
    parseProtocol({ fileName: 'bad.json', content });
  } catch (error) {
    if (error instanceof HangingProtocolError) return error;
    throw error;
  }
  throw new Error('expected a HangingProtocolError');
}

describe('loadProtocols', () => {
  it('validates every shipped protocol, whose window presets exist in the viewer', () => {
    expect(defaultProtocols().map((p) => p.id)).toEqual(['ct', 'ct-comparison', 'mr', 'xray', 'mg-screening', 'generic']);
    const known = new Set(CT_WINDOW_PRESETS.map((p) => p.name));
    const used = defaultProtocols().flatMap((p) => p.stages.flatMap((s) => s.viewports.flatMap((v) => v.windowPreset ?? [])));
    expect(used.filter((name) => !known.has(name))).toEqual([]);
    expect(DEFAULT_PROTOCOL_FILES).toHaveLength(6);
  });

  it('applies defaults', () => {
    const protocol = parseProtocol({ fileName: 'ok.json', content: JSON.stringify(valid()) });
    expect(protocol.selectors.any).toEqual({ unique: false, study: 'current', priorIndex: 0, unit: 'series', rules: [{ attribute: 'Modality', equals: 'CT', negate: false, weight: 1, required: false }] });
    expect(protocol.stages[0]!.viewports[0]).toEqual({ selector: 'any', matchIndex: 0, distinct: false, flipHorizontal: false });
  });

  it('names the file and the field of each problem', () => {
    const broken = valid() as Record<string, unknown> & ReturnType<typeof valid>;
    broken.stages[0]!.viewports.push({ selector: 'nope' });
    (broken.selectors.any.rules[0] as Record<string, unknown>).matches = '(';
    (broken as Record<string, unknown>).colour = 'red';
    const error = errorOf(broken);
    expect(error.message.split('\n')).toEqual(
      expect.arrayContaining([
        'bad.json: colour: unknown field',
        expect.stringMatching(/^bad\.json: selectors\.any\.rules\[0\]\.attribute: a rule needs exactly one test .* found equals, matches$/),
        expect.stringMatching(/^bad\.json: selectors\.any\.rules\[0\]\.matches: invalid regular expression/),
        'bad.json: stages[0].viewports: 2 viewports do not fit a 1×1 grid',
        'bad.json: stages[0].viewports[1].selector: unknown selector "nope" (defined: any)',
      ]),
    );
  });

  it('reports invalid JSON, unknown attributes and bad layouts', () => {
    expect(errorOf('{ "id": ').message).toMatch(/^bad\.json: invalid JSON: /);
    const unknownAttribute = valid();
    (unknownAttribute.selectors.any.rules[0] as Record<string, unknown>).attribute = 'PatientName';
    expect(errorOf(unknownAttribute).issues[0]).toMatchObject({ path: 'selectors.any.rules[0].attribute' });
    const tooBig = valid();
    tooBig.stages[0]!.rows = 9;
    expect(errorOf(tooBig).issues[0]!.path).toBe('stages[0].rows');
    const badSync = valid();
    (badSync.stages[0]!.viewports[0] as Record<string, unknown>).sync = { group: 'g', mode: 'frame' };
    expect(errorOf(badSync).issues[0]!.path).toBe('stages[0].viewports[0].sync.mode');
  });

  it('refuses the same protocol id in two files', () => {
    expect(() => loadProtocols([{ fileName: 'a.json', content: valid() }, { fileName: 'b.json', content: valid() }])).toThrow('b.json: id: duplicate protocol id "test" (already in a.json)');
  });
});
