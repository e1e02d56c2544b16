import { Body, Controller, Get, HttpCode, Post, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { ThrottlerGuard } from '@nestjs/throttler';
import { type Actor, CurrentUser, Public } from './auth.decorators';
import { LoginDto, TokenDto } from './login.dto';
import { UsersService } from '../users/users.service';
import { AuditService } from '../audit/audit.service';
import { toUserResponse, UserResponse } from '../users/user.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  /** Rate-limited per client address (LOGIN_RATE_LIMIT a minute). */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto): Promise<TokenDto> {
    const user = await this.users.verifyPassword(body.email, body.password);
    if (!user) throw new UnauthorizedException('email or password is wrong');
    await this.audit.record({ userId: user.id, action: 'login', entity: 'users', entityId: user.id });
    return { accessToken: await this.jwt.signAsync({ sub: user.id, role: user.role }) };
  }

  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentUser() actor: Actor): Promise<UserResponse> {
    return toUserResponse(await this.users.get(actor.id));
  }
}
