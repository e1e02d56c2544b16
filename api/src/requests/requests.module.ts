import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformRequest } from './request.entity';
import { RequestEvent } from './request-event.entity';
import { RequestItem } from './request-item.entity';
import { RequestItemChange } from './request-item-change.entity';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [TypeOrmModule.forFeature([PlatformRequest, RequestItem, RequestEvent, RequestItemChange])],
  controllers: [RequestsController],
  providers: [RequestsService],
  exports: [RequestsService],
})
export class RequestsModule {}
