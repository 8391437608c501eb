/**
 * Permission requests from web content (camera, microphone, geolocation, notifications,
 * clipboard read, HID, serial, ...) are all refused: a reading workstation needs none of them.
 * Kept as a function so the rule is visible and tested in one place.
 */
export function decidePermission(_permission: string): boolean {
  return false;
}
