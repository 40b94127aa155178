/**
 * What the log carries when it leaves for the city's collector, in the words of Firefox's
 * built-in data collection consent (the manifest's `data_collection_permissions`):
 *
 * - `websiteActivity`: every entry records a publish attempt on the platform's page;
 * - `personallyIdentifyingInfo`: every entry names the editor (their name and unit);
 * - `websiteContent`: only when the policy sends the draft text too (`collectorText: 'full'`).
 *
 * The manifest declares them optional (the log leaves only when the policy names a collector);
 * the uploader checks them before each send (entrypoints/background/data-consent.ts).
 */
import type { CollectorText } from '../fleet-protocol/upload';

export const OPTIONAL_DATA_COLLECTION = ['websiteActivity', 'personallyIdentifyingInfo', 'websiteContent'] as const;

export type DataCollectionKind = (typeof OPTIONAL_DATA_COLLECTION)[number];

export function dataCollectionNeeded(text: CollectorText): DataCollectionKind[] {
  const kinds: DataCollectionKind[] = ['websiteActivity', 'personallyIdentifyingInfo'];
  if (text === 'full') kinds.push('websiteContent');
  return kinds;
}
