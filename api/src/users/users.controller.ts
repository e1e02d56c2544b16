import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentUser, RequirePermission } from '../common/http/access';
import { respondWithList } from '../common/http/list-query';
import { CreateUserDto, toUserResponse, UpdateUserDto, UserResponse } from './user.dto';
import { USER_LIST, UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@RequirePermission('users:manage')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<UserResponse[]> {
    return respondWithList(res, query, USER_LIST, (list) => this.users.list(list), toUserResponse);
  }

  @Get(':id')
  async get(@Param('id', ParseIntPipe) id: number): Promise<UserResponse> {
    return toUserResponse(await this.users.get(id));
  }

  @Post()
  async create(@Body() body: CreateUserDto, @CurrentUser() actor: Actor): Promise<UserResponse> {
    return toUserResponse(await this.users.create(body, actor));
  }

  @Put(':id')
  async update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateUserDto, @CurrentUser() actor: Actor): Promise<UserResponse> {
    return toUserResponse(await this.users.update(id, body, actor));
  }

  @Delete(':id')
  async remove(@Param('id', ParseIntPipe) id: number, @CurrentUser() actor: Actor): Promise<UserResponse> {
    return toUserResponse(await this.users.remove(id, actor));
  }
}
