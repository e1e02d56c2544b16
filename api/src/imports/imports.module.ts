import { Module } from '@nestjs/common';
import { ImportsController } from './imports.controller';
import { RequestsImportService } from './requests-import.service';

@Module({ controllers: [ImportsController], providers: [RequestsImportService], exports: [RequestsImportService] })
export class ImportsModule {}
