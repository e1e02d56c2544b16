import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { type Actor, CurrentUser, Public } from '../common/http/access';
import { LoginDto, LogoutDto, RefreshDto, TokenDto } from './login.dto';
import { SignInLimited } from './rate-limits';
import { RefreshTokensService } from './refresh-tokens.service';
import { SignInService } from './sign-in.service';
import { UsersService } from '../users/users.service';
import { AuditService } from '../audit/audit.service';
import { toUserResponse, UserResponse } from '../users/user.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly signIn: SignInService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  /** Rate-limited per client address (LOGIN_RATE_LIMIT a minute); repeated failures lock the account (423). */
  @Public()
  @SignInLimited()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto): Promise<TokenDto> {
    const user = await this.signIn.verify(body.email, body.password);
    await this.audit.record({ userId: user.id, action: 'login', entity: 'users', entityId: user.id });
    return this.tokens(user.id, user.role, await this.refreshTokens.issue(user.id));
  }

  /** A new access token and a new refresh token for a refresh token, which is then used up. */
  @Public()
  @SignInLimited()
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Body() body: RefreshDto): Promise<TokenDto> {
    const { userId, role, refreshToken } = await this.refreshTokens.rotate(body.refreshToken);
    return this.tokens(userId, role, refreshToken);
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() actor: Actor, @Body() body: LogoutDto): Promise<void> {
    await this.refreshTokens.revoke(actor.id, body.refreshToken);
  }

  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentUser() actor: Actor): Promise<UserResponse> {
    return toUserResponse(await this.users.get(actor.id));
  }

  private async tokens(sub: number, role: string, refreshToken: string): Promise<TokenDto> {
    const accessToken = await this.jwt.signAsync({ sub, role });
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, refreshToken, expiresIn: exp - iat };
  }
}
