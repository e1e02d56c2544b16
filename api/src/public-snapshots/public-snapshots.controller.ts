import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentUser, RequirePermission } from '../common/http/access';
import { PublishSnapshotDto, SnapshotInputDto, SnapshotRecord } from './public-snapshot.dto';
import { PublicSnapshotsService } from './public-snapshots.service';

/** Publishing the regulator's figures: preview, publish, and the snapshots published. The files themselves are at /public/, without a token. */
@ApiTags('public-snapshots')
@ApiBearerAuth()
@Controller('public/snapshots')
export class PublicSnapshotsController {
  constructor(private readonly snapshots: PublicSnapshotsService) {}

  @ApiOperation({ summary: 'Every snapshot published, newest first (status `replaced` once a correction names it)' })
  @Get()
  list(): Promise<SnapshotRecord[]> {
    return this.snapshots.list();
  }

  @ApiOperation({ summary: 'One snapshot, with what its files show (`document`, the content of data.json)' })
  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number): Promise<SnapshotRecord> {
    return this.snapshots.get(id);
  }

  @ApiOperation({
    summary: 'What a snapshot of this period would show, now: small cells suppressed, nothing recorded',
    description: 'Send the answer’s `asOf` and `dataSha256` (as `previewSha256`) when publishing, to publish exactly what was previewed.',
  })
  @RequirePermission('snapshots:publish')
  @HttpCode(200)
  @Post('preview')
  preview(@Body() body: SnapshotInputDto): Promise<SnapshotRecord> {
    return this.snapshots.preview(body);
  }

  @ApiOperation({
    summary: 'Publish a snapshot: frozen files under /public/<folder>/, the index and latest/ updated, the audit log written',
    description:
      'A period already covered by a current snapshot is a 409: correct it instead (`replaces`, same period). With `previewSha256`, a 409 if the figures changed since the preview.',
  })
  @RequirePermission('snapshots:publish')
  @Post()
  publish(@Body() body: PublishSnapshotDto, @CurrentUser() actor: Actor): Promise<SnapshotRecord> {
    return this.snapshots.publish(body, actor);
  }
}
