import { Module } from '@nestjs/common';
import { ResponsivenessController } from './responsiveness.controller';
import { ResponsivenessRepository } from './responsiveness.repository';
import { ResponsivenessService } from './responsiveness.service';

@Module({
  controllers: [ResponsivenessController],
  providers: [ResponsivenessRepository, ResponsivenessService],
  exports: [ResponsivenessService],
})
export class ResponsivenessModule {}
