import type { PublicNodeView } from '../../../app/nodes';

/** Where a node is, without any credential: URL, `AE@host:port`, or folder path. */
export function nodeAddress(view: PublicNodeView): string {
  switch (view.kind) {
    case 'dicomweb':
      return view.baseUrl;
    case 'dimse':
      return `${view.calledAeTitle}@${view.host}:${view.port}`;
    case 'folder':
      return view.path;
  }
}
