// Brand-voice guidelines, one validated JSON document per account.
import { brandVoiceSchema, type BrandVoiceGuidelines } from '@shared/cannedResponses';
import type { Db } from '../db/database';

export function createBrandVoiceRepo(db: Db) {
  const get = db.prepare<[string], string>('SELECT data FROM brand_voice WHERE account_id = ?').pluck();
  const put = db.prepare<{ accountId: string; data: string; now: number }>(
    `INSERT INTO brand_voice (account_id, data, updated_at) VALUES (@accountId, @data, @now)
     ON CONFLICT (account_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  );

  return {
    /** The account's guidelines; null when none were saved. */
    get(accountId: string): BrandVoiceGuidelines | null {
      const data = get.get(accountId);
      return data === undefined ? null : brandVoiceSchema.parse(JSON.parse(data));
    },
    save: (accountId: string, guidelines: BrandVoiceGuidelines, now: number) => void put.run({ accountId, data: JSON.stringify(guidelines), now }),
  };
}

export type BrandVoiceRepo = ReturnType<typeof createBrandVoiceRepo>;
