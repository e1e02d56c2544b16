import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795305432517 } from './1795305432517-InitialSchema';
import { SeedPlatforms1795305432600 } from './1795305432600-SeedPlatforms';
import { ReportsAndJobs1795306979599 } from './1795306979599-ReportsAndJobs';
import { StatsRollups1795307500000 } from './1795307500000-StatsRollups';
import { AuditChain1795400000000 } from './1795400000000-AuditChain';
import { Hardening1795400100000 } from './1795400100000-Hardening';
import { SpreadRollups1795400200000 } from './1795400200000-SpreadRollups';
import { LeanRequestIndexes1795400300000 } from './1795400300000-LeanRequestIndexes';
import { ReportLanguage1795500000000 } from './1795500000000-ReportLanguage';
import { RequestCounts1795500100000 } from './1795500100000-RequestCounts';
import { AgencyJurisdiction1795500200000 } from './1795500200000-AgencyJurisdiction';
import { MailEventKinds1795500300000 } from './1795500300000-MailEventKinds';
import { PublishedFigures1795500400000 } from './1795500400000-PublishedFigures';
import { Correspondence1795600000000 } from './1795600000000-Correspondence';
import { MessageAttachments1795600100000 } from './1795600100000-MessageAttachments';
import { MessageLanguage1795600200000 } from './1795600200000-MessageLanguage';
import { RollupSlots1795700050000 } from './1795700050000-RollupSlots';
import { FacetRollups1795700100000 } from './1795700100000-FacetRollups';
import { ContentRollups1795700200000 } from './1795700200000-ContentRollups';
import { OverdueIndexes1795700300000 } from './1795700300000-OverdueIndexes';
import { PublicSnapshots1795700400000 } from './1795700400000-PublicSnapshots';
import { YearHistograms1795700500000 } from './1795700500000-YearHistograms';
import { ContentPieceMonths1795700600000 } from './1795700600000-ContentPieceMonths';

// Every migration, in order. Append new ones; never edit one that has landed.
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  InitialSchema1795305432517,
  SeedPlatforms1795305432600,
  ReportsAndJobs1795306979599,
  StatsRollups1795307500000,
  AuditChain1795400000000,
  Hardening1795400100000,
  SpreadRollups1795400200000,
  LeanRequestIndexes1795400300000,
  ReportLanguage1795500000000,
  RequestCounts1795500100000,
  AgencyJurisdiction1795500200000,
  MailEventKinds1795500300000,
  PublishedFigures1795500400000,
  Correspondence1795600000000,
  MessageAttachments1795600100000,
  MessageLanguage1795600200000,
  RollupSlots1795700050000,
  FacetRollups1795700100000,
  ContentRollups1795700200000,
  OverdueIndexes1795700300000,
  PublicSnapshots1795700400000,
  YearHistograms1795700500000,
  ContentPieceMonths1795700600000,
];
