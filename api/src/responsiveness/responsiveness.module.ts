import { Module } from '@nestjs/common';
import { ContentRollupRepository } from './content-rollup.repository';
import { RemindersController } from './reminders.controller';
import { ResponsivenessController } from './responsiveness.controller';
import { ResponsivenessRepository } from './responsiveness.repository';
import { ResponsivenessService } from './responsiveness.service';
import { RollupRepository } from './rollup.repository';

@Module({
  controllers: [ResponsivenessController, RemindersController],
  providers: [ResponsivenessRepository, RollupRepository, ContentRollupRepository, ResponsivenessService],
  exports: [ResponsivenessService, RollupRepository],
})
export class ResponsivenessModule {}
