import { Module } from '@nestjs/common';
import { ResponsivenessModule } from '../responsiveness/responsiveness.module';
import { ExportsController } from './exports.controller';

@Module({ imports: [ResponsivenessModule], controllers: [ExportsController] })
export class ExportsModule {}
