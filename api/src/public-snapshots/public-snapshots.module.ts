import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResponsivenessModule } from '../responsiveness/responsiveness.module';
import { PublicFiles } from './public-files';
import { PublicSnapshotFile } from './public-snapshot-file.entity';
import { PublicSnapshot } from './public-snapshot.entity';
import { PublicSnapshotsController } from './public-snapshots.controller';
import { PublicSnapshotsService } from './public-snapshots.service';

@Module({
  imports: [TypeOrmModule.forFeature([PublicSnapshot, PublicSnapshotFile]), ResponsivenessModule],
  controllers: [PublicSnapshotsController],
  providers: [PublicFiles, PublicSnapshotsService],
  exports: [PublicFiles, PublicSnapshotsService],
})
export class PublicSnapshotsModule {}
