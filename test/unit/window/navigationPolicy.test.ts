import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen } from '../../../main/window/navigationPolicy';
import { APP_ORIGIN } from '../../../main/window/appOrigin';

describe('decideNavigation', () => {
  it.each([
    ['garde://app/index.html', 'allow'],
    ['garde://app/viewer?x=1', 'allow'],
    ['https://www.has-sante.fr/guide', 'open-external'],
    ['http://example.org/', 'deny'],
    ['https://user:pw@example.org/', 'deny'],
    ['garde://gateway/nodes', 'deny'],
    ['file:///etc/passwd', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['data:text/html,<script>1</script>', 'deny'],
    ['not a url', 'deny'],
    ['garde://app.evil.example/', 'deny'],
  ])('%s -> %s', (url, expected) => {
    expect(decideNavigation(url, APP_ORIGIN)).toBe(expected);
  });
});

describe('decideWindowOpen', () => {
  it('never opens a second app window', () => {
    expect(decideWindowOpen('garde://app/index.html', APP_ORIGIN)).toBe('deny');
  });
  it('sends external https links to the OS browser', () => {
    expect(decideWindowOpen('https://dicom.nema.org/', APP_ORIGIN)).toBe('open-external');
  });
  it('denies anything else', () => {
    expect(decideWindowOpen('http://dicom.nema.org/', APP_ORIGIN)).toBe('deny');
  });
});
