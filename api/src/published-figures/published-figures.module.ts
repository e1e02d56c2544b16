import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublishedFigure } from './published-figure.entity';
import { PublishedFiguresController } from './published-figures.controller';
import { PublishedFiguresService } from './published-figures.service';

@Module({
  imports: [TypeOrmModule.forFeature([PublishedFigure])],
  controllers: [PublishedFiguresController],
  providers: [PublishedFiguresService],
  exports: [PublishedFiguresService],
})
export class PublishedFiguresModule {}
