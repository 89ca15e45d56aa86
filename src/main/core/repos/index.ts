import type { Db } from '../db/database';
import { createBrandVoiceRepo, type BrandVoiceRepo } from './brandVoice';
import { createCannedRepo, type CannedRepo } from './canned';
import { createConversationRepo, type ConversationRepo } from './conversations';
import { createCoverageRepo, type CoverageRepo } from './coverage';
import { createDraftRepo, type DraftRepo } from './drafts';
import { createEventRepo, type EventRepo } from './events';
import { createReportRepo, type ReportRepo } from './reports';
import { createHandoverRepo, type HandoverRepo } from './handovers';
import { createIncidentRepo, type IncidentRepo } from './incidents';
import { createListeningRepo, type ListeningRepo } from './listening';
import { createMessageRepo, type MessageRepo } from './messages';
import { createOutboxRepo, type OutboxRepo } from './outbox';
import { createScheduleRepo, type ScheduleRepo } from './schedule';
import { createSlaRepo, type SlaRepo } from './sla';
import { createSyncStateRepo, type SyncStateRepo } from './syncState';
import { createSurveyRepo, type SurveyRepo } from './surveys';
import { createTranslationRepo, type TranslationRepo } from './translations';
import { createWorkspaceRepo, type WorkspaceRepo } from './workspace';

export interface Repos {
  db: Db;
  workspace: WorkspaceRepo;
  conversations: ConversationRepo;
  messages: MessageRepo;
  drafts: DraftRepo;
  listening: ListeningRepo;
  outbox: OutboxRepo;
  syncState: SyncStateRepo;
  sla: SlaRepo;
  incidents: IncidentRepo;
  canned: CannedRepo;
  brandVoice: BrandVoiceRepo;
  translations: TranslationRepo;
  schedule: ScheduleRepo;
  coverage: CoverageRepo;
  handovers: HandoverRepo;
  surveys: SurveyRepo;
  events: EventRepo;
  reports: ReportRepo;
}

export function createRepos(db: Db): Repos {
  return {
    db,
    workspace: createWorkspaceRepo(db),
    conversations: createConversationRepo(db),
    messages: createMessageRepo(db),
    drafts: createDraftRepo(db),
    listening: createListeningRepo(db),
    outbox: createOutboxRepo(db),
    syncState: createSyncStateRepo(db),
    sla: createSlaRepo(db),
    incidents: createIncidentRepo(db),
    canned: createCannedRepo(db),
    brandVoice: createBrandVoiceRepo(db),
    translations: createTranslationRepo(db),
    schedule: createScheduleRepo(db),
    coverage: createCoverageRepo(db),
    handovers: createHandoverRepo(db),
    surveys: createSurveyRepo(db),
    events: createEventRepo(db),
    reports: createReportRepo(db),
  };
}
