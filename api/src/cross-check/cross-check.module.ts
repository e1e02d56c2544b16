import { Module } from '@nestjs/common';
import { CrossCheckController } from './cross-check.controller';
import { CrossCheckService } from './cross-check.service';
import { DsaExportService } from './dsa-export';

@Module({ controllers: [CrossCheckController], providers: [CrossCheckService, DsaExportService], exports: [CrossCheckService] })
export class CrossCheckModule {}
