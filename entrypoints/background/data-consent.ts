/**
 * Firefox asks the person's consent before an add-on sends data off the machine; the kinds the
 * log carries are in utils/data-collection.ts. Chromium has no such consent: there the city's
 * policy alone decides whether the log leaves.
 */
import browser from 'webextension-polyfill';
import type { CollectorText } from '../../fleet-protocol/upload';
import { dataCollectionNeeded } from '../../utils/data-collection';

/** The consent check for the uploader on Firefox; undefined elsewhere. */
export function browserDataConsent(): ((text: CollectorText) => Promise<boolean>) | undefined {
  if (!import.meta.env.FIREFOX) return undefined;
  // The polyfill's types predate `data_collection`; Firefox 139 and later answer it.
  const permissions = browser.permissions as unknown as {
    contains(p: { data_collection: string[] }): Promise<boolean>;
  };
  return (text) => permissions.contains({ data_collection: dataCollectionNeeded(text) });
}
