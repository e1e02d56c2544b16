import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ConstraintInfo, readConstraints } from '../../database/constraints';

/** The database's named constraints, read once the migrations have run, for the error filter. */
@Injectable()
export class ConstraintCatalog implements OnApplicationBootstrap {
  private constraints = new Map<string, ConstraintInfo>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    this.constraints = await readConstraints(this.dataSource);
  }

  get(name: string | undefined): ConstraintInfo | undefined {
    return name === undefined ? undefined : this.constraints.get(name);
  }
}
