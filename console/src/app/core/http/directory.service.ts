import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ClientResponse,
  CreateClientRequest,
  CreatePortfolioRequest,
  CreateTeamRequest,
  CreateUserRequest,
  PortfolioResponse,
  TeamResponse,
  TeamRoster,
  UpdateTeamRequest,
  UpdateUserRequest,
  UserResponse,
} from '@recupera/shared';
import type { Observable } from 'rxjs';

/** Clients, portfolios, teams and users: the reference data several pages list and admins edit. */
@Injectable({ providedIn: 'root' })
export class DirectoryService {
  private readonly http = inject(HttpClient);

  clients(): Observable<ClientResponse[]> {
    return this.http.get<ClientResponse[]>('/api/clients');
  }

  createClient(request: CreateClientRequest): Observable<ClientResponse> {
    return this.http.post<ClientResponse>('/api/clients', request);
  }

  portfolios(): Observable<PortfolioResponse[]> {
    return this.http.get<PortfolioResponse[]>('/api/portfolios');
  }

  createPortfolio(request: CreatePortfolioRequest): Observable<PortfolioResponse> {
    return this.http.post<PortfolioResponse>('/api/portfolios', request);
  }

  teams(): Observable<TeamResponse[]> {
    return this.http.get<TeamResponse[]>('/api/teams');
  }

  createTeam(request: CreateTeamRequest): Observable<TeamResponse> {
    return this.http.post<TeamResponse>('/api/teams', request);
  }

  updateTeam(id: string, request: UpdateTeamRequest): Observable<TeamResponse> {
    return this.http.patch<TeamResponse>(`/api/teams/${encodeURIComponent(id)}`, request);
  }

  roster(teamId: string): Observable<TeamRoster> {
    return this.http.get<TeamRoster>(`/api/teams/${encodeURIComponent(teamId)}/roster`);
  }

  users(): Observable<UserResponse[]> {
    return this.http.get<UserResponse[]>('/api/users');
  }

  createUser(request: CreateUserRequest): Observable<UserResponse> {
    return this.http.post<UserResponse>('/api/users', request);
  }

  updateUser(id: string, request: UpdateUserRequest): Observable<UserResponse> {
    return this.http.patch<UserResponse>(`/api/users/${encodeURIComponent(id)}`, request);
  }
}
