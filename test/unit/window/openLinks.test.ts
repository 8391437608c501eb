import { describe, expect, it } from 'vitest';
import { appUrlForOpenLink, findOpenLink } from '../../../main/window/openLinks';
import { decideNavigation } from '../../../main/window/navigationPolicy';
import { APP_ORIGIN } from '../../../main/window/appOrigin';

describe('open-study links in the desktop app', () => {
  it('finds the link on a command line', () => {
    expect(findOpenLink(['/opt/Garde/garde', '--flag', 'garde://open?StudyInstanceUID=1.2.3'])).toBe('garde://open?StudyInstanceUID=1.2.3');
    expect(findOpenLink(['/opt/Garde/garde'])).toBeUndefined();
  });

  it('turns a valid link into an in-app address the navigation policy allows', () => {
    const url = appUrlForOpenLink('garde://open?requestType=STUDY&studyUID=1.2.3&patientID=N1')!;
    expect(url).toBe(`${APP_ORIGIN}/open?StudyInstanceUID=1.2.3&PatientID=N1`);
    expect(decideNavigation(url, APP_ORIGIN)).toBe('allow');
  });

  it('ignores links that are not valid open-study links', () => {
    expect(appUrlForOpenLink('garde://open?StudyInstanceUID=1.2.x')).toBeUndefined();
    expect(appUrlForOpenLink('garde://gateway/nodes')).toBeUndefined();
  });
});
