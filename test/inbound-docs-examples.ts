/**
 * Request and response examples of Graph's beta industryData pages for the inbound configuration (source systems,
 * data connectors, years, inbound flows, reference definitions, role groups), verbatim: method, URL as written,
 * headers, bodies. Source: Microsoft Graph docs (CC BY 4.0), microsoftgraph/microsoft-graph-docs-contrib,
 * api-reference/beta/api/<page>. A `bodyText` is a body the page prints as invalid JSON, sent as printed.
 */
export interface InboundDocsExample {
  readonly page: string
  readonly operation: string
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: unknown
  readonly bodyText?: string
  readonly status: number
  readonly response?: unknown
  readonly responseNote?: string
}

export const inboundDocsExamples: readonly InboundDocsExample[] = [
  {
    page: 'industrydata-sourcesystemdefinition-list.md',
    operation: 'listSourceSystems',
    method: 'GET',
    url: '/beta/external/industryData/sourceSystems',
    headers: {},
    status: 200,
    response: {
      value: [
        {
          displayName: 'Rostering Source',
          id: '0190210e-8827-4747-6f2b-08dacc885e72',
          userMatchingSettings: [
            {
              matchTarget: {
                code: 'userPrincipalName'
              },
              priorityOrder: 0,
              sourceIdentifier: {
                code: 'username'
              }
            },
            {
              matchTarget: {
                code: 'userPrincipalName'
              },
              priorityOrder: 1,
              sourceIdentifier: {
                code: 'username'
              }
            }
          ],
          vendor: null
        },
        {
          displayName: 'Admin Source',
          id: '019845e8-47af-4b91-6ab8-08dad8f43b1a',
          userMatchingSettings: [
            {
              matchTarget: {
                code: 'userPrincipalName'
              },
              priorityOrder: 0,
              sourceIdentifier: {
                code: 'username'
              }
            },
            {
              matchTarget: {
                code: 'userPrincipalName'
              },
              priorityOrder: 1,
              sourceIdentifier: {
                code: 'username'
              }
            }
          ],
          vendor: null
        }
      ]
    }
  },
  {
    page: 'industrydata-sourcesystemdefinition-post.md',
    operation: 'createSourceSystem',
    method: 'POST',
    url: '/beta/external/industryData/sourceSystems',
    headers: {
      'Content-Type': 'application/json',
      'Content-length': '250'
    },
    body: {
      displayName: 'Rostering source',
      userMatchingSettings: [
        {
          matchTarget: {
            code: 'userPrincipalName'
          },
          priorityOrder: 0,
          'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/staff',
          sourceIdentifier: {
            code: 'username'
          }
        },
        {
          matchTarget: {
            code: 'userPrincipalName'
          },
          priorityOrder: 1,
          'roleGroup@odata.bind': "https://graph.microsoft.com/beta/external/industryData/roleGroups('students')",
          sourceIdentifier: {
            code: 'username'
          }
        }
      ]
    },
    status: 201,
    response: {
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#external/industryData/sourceSystems/$entity',
      id: 'aa050107-5784-4a8e-1876-08daddab21bc',
      displayName: 'Rostering source',
      vendor: null,
      userMatchingSettings: [
        {
          priorityOrder: 0,
          sourceIdentifier: {
            code: 'username'
          },
          matchTarget: {
            code: 'userPrincipalName'
          }
        },
        {
          priorityOrder: 1,
          sourceIdentifier: {
            code: 'username'
          },
          matchTarget: {
            code: 'userPrincipalName'
          }
        }
      ]
    }
  },
  {
    page: 'industrydata-sourcesystemdefinition-get.md',
    operation: 'getSourceSystem',
    method: 'GET',
    url: '/beta/external/industryData/sourceSystems/0190210e-8827-4747-6f2b-08dacc885e72',
    headers: {},
    status: 200,
    response: {
      displayName: 'Rostering Source',
      id: '0190210e-8827-4747-6f2b-08dacc885e72',
      userMatchingSettings: [
        {
          matchTarget: {
            code: 'userPrincipalName'
          },
          priorityOrder: 0,
          sourceIdentifier: {
            code: 'username'
          }
        },
        {
          matchTarget: {
            code: 'userPrincipalName'
          },
          priorityOrder: 1,
          sourceIdentifier: {
            code: 'username'
          }
        }
      ],
      vendor: null
    }
  },
  {
    page: 'industrydata-sourcesystemdefinition-update.md',
    operation: 'updateSourceSystem',
    method: 'PATCH',
    url: '/beta/external/industryData/sourceSystems/d1cde272-4585-462c-4725-08dad18eb580',
    headers: {
      'Content-Type': 'application/json',
      'Content-length': '250'
    },
    body: {
      vendor: 'LMS Vendor'
    },
    status: 204
  },
  {
    page: 'industrydata-sourcesystemdefinition-delete.md',
    operation: 'deleteSourceSystem',
    method: 'DELETE',
    url: '/beta/external/industryData/sourceSystems/0c629a1a-a85c-4365-bdf0-623a32ca69cb',
    headers: {},
    status: 204
  },
  {
    page: 'industrydata-azuredatalakeconnector-list.md',
    operation: 'listDataConnectors',
    method: 'GET',
    url: '/beta/external/industryData/dataConnectors',
    headers: {},
    status: 200,
    response: {
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#external/industryData/dataConnectors',
      '@odata.nextLink': 'https://graph.microsoft.com/beta/external/industryData/dataConnectors?$skiptoken=id-%27ff8c6a87-31d2-43ad-e990-08dacc85e8cd%27',
      value: [
        {
          '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector',
          displayName: 'Rostering connector',
          id: '51dca0a0-85f6-4478-f526-08daddab2271'
        },
        {
          '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector',
          displayName: 'CSV connector',
          id: 'f02aa680-4cdc-4d57-f4e1-08daddab2271'
        }
      ]
    }
  },
  {
    page: 'industrydata-azuredatalakeconnector-post.md',
    operation: 'createAzureDataLakeConnector',
    method: 'POST',
    url: '/beta/external/industryData/dataConnectors',
    headers: {
      'Content-Type': 'application/json',
      'Content-length': '104'
    },
    body: {
      '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector',
      displayName: 'CSV connector',
      'sourceSystem@odata.bind': "https://graph.microsoft.com/beta/external/industryData/sourceSystems('aa050107-5784-4a8e-1876-08daddab21bc')",
      fileFormat: {
        '@odata.type': 'microsoft.graph.industryData.fileFormatReferenceValue',
        code: 'schoolDataSyncV1'
      }
    },
    status: 201,
    response: {
      '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector',
      displayName: 'CSV connector',
      id: '51dca0a0-85f6-4478-f526-08daddab2271',
      fileFormat: {
        '@odata.type': 'microsoft.graph.industryData.fileFormatReferenceValue',
        code: 'schoolDataSyncV1'
      }
    }
  },
  {
    page: 'industrydata-azuredatalakeconnector-post.md',
    operation: 'createAzureDataLakeConnector (variant)',
    method: 'POST',
    url: '/beta/external/industryData/dataConnectors',
    headers: {
      'Content-Type': 'application/json',
      'Content-length': '104'
    },
    body: {
      '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector',
      displayName: 'CSV connector',
      'sourceSystem@odata.bind': "https://graph.microsoft.com/beta/external/industryData/sourceSystems('aa050107-5784-4a8e-1876-08daddab21bc')"
    },
    status: 201,
    response: {
      '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector',
      displayName: 'CSV connector',
      id: '51dca0a0-85f6-4478-f526-08daddab2271'
    }
  },
  {
    page: 'industrydata-azuredatalakeconnector-get.md',
    operation: 'getDataConnector',
    method: 'GET',
    url: '/beta/external/industryData/dataConnectors/51dca0a0-85f6-4478-f526-08daddab2271',
    headers: {},
    status: 200,
    response: {
      '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector',
      displayName: 'CSV connector',
      id: '51dca0a0-85f6-4478-f526-08daddab2271'
    }
  },
  {
    page: 'industrydata-azuredatalakeconnector-update.md',
    operation: 'updateDataConnector',
    method: 'PATCH',
    url: '/beta/external/industryData/dataConnectors/51dca0a0-85f6-4478-f526-08daddab2271',
    headers: {
      'Content-type': 'application/json'
    },
    body: {
      '@odata.type': 'microsoft.graph.industryData.azureDataLakeConnector',
      displayName: 'API Monitor 60201009'
    },
    status: 204
  },
  {
    page: 'industrydata-azuredatalakeconnector-delete.md',
    operation: 'deleteDataConnector',
    method: 'DELETE',
    url: '/beta/external/industryData/dataConnectors/8c010e87-c28b-4350-bdc1-65ec29258b93',
    headers: {},
    status: 204
  },
  {
    page: 'industrydata-onerosterapidataconnector-post.md',
    operation: 'createOneRosterApiDataConnector',
    method: 'POST',
    url: '/beta/external/industryData/dataConnectors',
    headers: {
      'Content-Type': 'application/json'
    },
    body: {
      '@odata.type': '#microsoft.graph.industryData.oneRosterApiDataConnector',
      displayName: 'Generic OAuth2 Connector',
      'sourceSystem@odata.bind': "https://graph.microsoft.com/beta/external/industryData/sourceSystems('c93a6e02-aeb7-437f-cc52-08dc3fc158af')",
      apiFormat: 'oneRoster',
      baseUrl: 'https://fakeProvider.net/ims/oneroster/v1p1',
      apiVersion: '1.1',
      credential: {
        '@odata.type': '#microsoft.graph.industryData.oAuth2ClientCredential',
        displayName: 'One Roster API Credentials',
        clientId: '530be723-6af3-4952-8658-668fb2598ad7',
        clientSecret: 'thisIsASecret',
        tokenUrl: 'https://login.microsoftonline.com/c27f982b-f7ee-4b8b-bb0e-3c55bd1dc02c/oauth2/token',
        scope: null
      },
      isDemographicsEnabled: false,
      isFlagsEnabled: false,
      isContactsEnabled: false
    },
    status: 201,
    response: {
      '@odata.type': '#microsoft.graph.industryData.oneRosterApiDataConnector',
      id: 'f72b2c92-4b8b-461d-3725-08dc3fc158ff',
      displayName: 'Generic OAuth2 Connector',
      apiFormat: 'oneRoster',
      baseUrl: 'https://fakeProvider.net/ims/oneroster/v1p1',
      apiVersion: '1.1',
      isDemographicsEnabled: false,
      isFlagsEnabled: false,
      isContactsEnabled: false,
      credential: {
        '@odata.type': '#microsoft.graph.industryData.oAuth2ClientCredential',
        displayName: 'One Roster API Credentials',
        isValid: true,
        lastValidDateTime: null,
        clientId: '530be723-6af3-4952-8658-668fb2598ad7',
        tokenUrl: 'https://login.microsoftonline.com/c27f982b-f7ee-4b8b-bb0e-3c55bd1dc02c/oauth2/token',
        scope: null
      }
    }
  },
  {
    page: 'industrydata-onerosterapidataconnector-post.md',
    operation: 'createOneRosterApiDataConnector (variant)',
    method: 'POST',
    url: '/beta/external/industryData/dataConnectors',
    headers: {
      'Content-Type': 'application/json'
    },
    body: {
      '@odata.type': '#microsoft.graph.industryData.oneRosterApiDataConnector',
      displayName: 'Generic OAuth2 Connector',
      'sourceSystem@odata.bind': "https://graph.microsoft.com/beta/external/industryData/sourceSystems('c93a6e02-aeb7-437f-cc52-08dc3fc158af')",
      apiFormat: 'oneRoster',
      baseUrl: 'https://fakeProvider.net/ims/oneroster',
      apiVersion: '1.1',
      credential: {
        '@odata.type': '#microsoft.graph.industryData.oAuth2ClientCredential',
        displayName: 'One Roster API Credentials',
        clientId: '667d5178-0b0a-479f-abb4-0f86b5cd4554',
        clientSecret: 'thisIsASecret',
        tokenUrl: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/token',
        scope: null
      },
      isDemographicsEnabled: false,
      isFlagsEnabled: false,
      isContactsEnabled: false
    },
    status: 200,
    response: {
      '@odata.type': '#microsoft.graph.industryData.oneRosterApiDataConnector',
      id: 'f72b2c92-4b8b-461d-3725-08dc3fc158ff',
      displayName: 'Generic OAuth2 Connector',
      apiFormat: 'oneRoster',
      baseUrl: 'https://fakeProvider.net/ims/oneroster',
      apiVersion: '1.1',
      isDemographicsEnabled: false,
      isFlagsEnabled: false,
      isContactsEnabled: false,
      credential: {
        '@odata.type': '#microsoft.graph.industryData.oAuth2ClientCredential',
        displayName: 'One Roster API Credentials',
        isValid: false,
        lastValidDateTime: null,
        clientId: '667d5178-0b0a-479f-abb4-0f86b5cd4554',
        tokenUrl: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/token',
        scope: null
      }
    }
  },
  {
    page: 'industrydata-onerosterapidataconnector-update.md',
    operation: 'updateOneRosterApiDataConnector',
    method: 'PATCH',
    url: '/beta/external/industryData/dataConnectors/51dca0a0-85f6-4478-f526-08daddab2271',
    headers: {
      'Content-type': 'application/json'
    },
    body: {
      '@odata.type': 'microsoft.graph.industryData.oneRosterApiDataConnector',
      displayName: 'One Roster Connector'
    },
    status: 204
  },
  {
    page: 'industrydata-industrydataconnector-list.md',
    operation: 'listIndustryDataConnectors',
    method: 'GET',
    url: '/beta/external/industryData/dataConnectors',
    headers: {},
    status: 200,
    response: {
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#external/industryData/dataConnectors',
      '@odata.nextLink': 'https://graph.microsoft.com/beta/external/industryData/dataConnectors?$skiptoken=id-%27ff8c6a87-31d2-43ad-e990-08dacc85e8cd%27',
      value: [
        {
          '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector',
          id: '51dca0a0-85f6-4478-f526-08daddab2271',
          displayName: 'Rostering connector'
        },
        {
          '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector',
          id: 'f02aa680-4cdc-4d57-f4e1-08daddab2271',
          displayName: 'CSV connector'
        }
      ]
    }
  },
  {
    page: 'industrydata-industrydataconnector-post.md',
    operation: 'createIndustryDataConnector',
    method: 'POST',
    url: '/beta/external/industryData/dataConnectors',
    headers: {
      'Content-Type': 'application/json',
      'Content-length': '104'
    },
    body: {
      '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector',
      displayName: 'CSV connector',
      'sourceSystem@odata.bind': "https://graph.microsoft.com/beta/external/industryData/sourceSystems('aa050107-5784-4a8e-1876-08daddab21bc')"
    },
    status: 201,
    response: {
      '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector',
      id: '51dca0a0-85f6-4478-f526-08daddab2271',
      displayName: 'CSV connector'
    }
  },
  {
    page: 'industrydata-industrydataconnector-get.md',
    operation: 'getIndustryDataConnector',
    method: 'GET',
    url: '/beta/external/industryData/dataConnectors/51dca0a0-85f6-4478-f526-08daddab2271',
    headers: {},
    status: 200,
    response: {
      '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector',
      displayName: 'CSV connector',
      id: '51dca0a0-85f6-4478-f526-08daddab2271'
    }
  },
  {
    page: 'industrydata-industrydataconnector-update.md',
    operation: 'updateIndustryDataConnector',
    method: 'PATCH',
    url: '/external/industryData/dataConnectors/51dca0a0-85f6-4478-f526-08daddab2271',
    headers: {
      'Content-type': 'application/json'
    },
    body: {
      '@odata.type': 'microsoft.graph.industryData.azureDataLakeConnector',
      displayName: 'API Monitor 60201009'
    },
    status: 204
  },
  {
    page: 'industrydata-industrydataconnector-delete.md',
    operation: 'deleteIndustryDataConnector',
    method: 'DELETE',
    url: '/beta/external/industryData/dataConnectors/8c010e87-c28b-4350-bdc1-65ec29258b93',
    headers: {},
    status: 204
  },
  {
    page: 'industrydata-yeartimeperioddefinition-list.md',
    operation: 'listYears',
    method: 'GET',
    url: '/beta/external/industryData/years',
    headers: {},
    status: 200,
    response: {
      value: [
        {
          '@odata.context': 'https://graph.microsoft.com/beta/$metadata#external/industryData/years/$entity',
          displayName: 'Fiscal Year 2022',
          endDate: '2023-06-15',
          id: 'ebf18762-ab92-487e-21d1-08daddab28bb',
          startDate: '2022-09-01',
          year: {
            code: '2022'
          }
        }
      ]
    }
  },
  {
    page: 'industrydata-yeartimeperioddefinition-post.md',
    operation: 'createYear',
    method: 'POST',
    url: '/beta/external/industryData/years',
    headers: {
      'Content-Type': 'application/json',
      'Content-length': '242'
    },
    body: {
      displayName: 'Fiscal Year 2022',
      endDate: '2023-06-15',
      startDate: '2022-09-01',
      year: {
        code: '2022'
      }
    },
    status: 201,
    response: {
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#external/industryData/years/$entity',
      displayName: 'Fiscal Year 2022',
      endDate: '2023-06-15',
      id: 'ebf18762-ab92-487e-21d1-08daddab28bb',
      startDate: '2022-09-01',
      year: {
        code: '2022'
      }
    }
  },
  {
    page: 'industrydata-yeartimeperioddefinition-get.md',
    operation: 'getYear',
    method: 'GET',
    url: '/beta/external/industryData/years/ebf18762-ab92-487e-21d1-08daddab28bb',
    headers: {},
    status: 200,
    response: {
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#external/industryData/years/$entity',
      displayName: 'Fiscal Year 2022',
      endDate: '2023-06-15',
      id: 'ebf18762-ab92-487e-21d1-08daddab28bb',
      startDate: '2022-09-01',
      year: {
        code: '2022'
      }
    }
  },
  {
    page: 'industrydata-yeartimeperioddefinition-update.md',
    operation: 'updateYear',
    method: 'PATCH',
    url: '/beta/external/industryData/years/ebf18762-ab92-487e-21d1-08daddab28bb',
    headers: {
      'Content-Type': 'application/json',
      'Content-length': '242'
    },
    body: {
      displayName: 'Fiscal Year 2022',
      id: 'ebf18762-ab92-487e-21d1-08daddab28bb'
    },
    status: 204
  },
  {
    page: 'industrydata-yeartimeperioddefinition-delete.md',
    operation: 'deleteYear',
    method: 'DELETE',
    url: '/beta/external/industryData/years/0c629a1a-a85c-4365-bdf0-623a32ca69cb',
    headers: {},
    status: 204
  },
  {
    page: 'industrydata-inboundflow-list.md',
    operation: 'listInboundFlows',
    method: 'GET',
    url: '/beta/external/industryData/inboundFlows',
    headers: {},
    status: 200,
    response: {
      value: [
        {
          '@odata.type': '#microsoft.graph.industryData.inboundFileFlow',
          dataDomain: 'educationRostering',
          displayName: 'Rostering Flow',
          effectiveDateTime: '2023-03-12T11:10:46.924769Z',
          expirationDateTime: '2023-03-13T11:10:46.924769Z',
          id: '7bd62d17-8c37-4494-f68d-08daddab2911',
          readinessStatus: 'ready'
        },
        {
          '@odata.type': '#microsoft.graph.industryData.inboundApiFlow',
          dataDomain: 'educationRostering',
          displayName: 'Inbound API Flow',
          effectiveDateTime: '2024-03-12T11:10:46.924769Z',
          expirationDateTime: '2024-03-13T11:10:46.924769Z',
          id: 'af37f530-9eeb-4a68-862c-fca4baf6410e',
          readinessStatus: 'ready'
        }
      ]
    },
    responseNote: 'printed with a trailing comma; parsed without it'
  },
  {
    page: 'industrydata-inboundflow-post.md',
    operation: 'createInboundFlow',
    method: 'POST',
    url: '/beta/external/industryData/inboundFlows',
    headers: {
      'Content-Type': 'application/json',
      'Content-length': '246'
    },
    body: {
      '@odata.type': '#microsoft.graph.industryData.inboundFileFlow',
      'dataConnector@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/dataConnectors/51dca0a0-85f6-4478-f526-08daddab2271',
      dataDomain: 'educationRostering',
      displayName: 'Inbound rostering flow',
      effectiveDateTime: '2023-03-12T16:40:46.924769+05:30',
      expirationDateTime: '2023-03-13T16:40:46.924769+05:30',
      'year@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/years/ebf18762-ab92-487e-21d1-08daddab28bb'
    },
    status: 201,
    response: {
      '@odata.type': '#microsoft.graph.industryData.inboundFileFlow',
      dataDomain: 'educationRostering',
      displayName: 'Inbound rostering fow',
      effectiveDateTime: '2023-03-12T11:10:46.924769Z',
      expirationDateTime: '2023-03-13T11:10:46.924769Z',
      id: '7bd62d17-8c37-4494-f68d-08daddab2911',
      readinessStatus: 'ready'
    }
  },
  {
    page: 'industrydata-inboundflow-get.md',
    operation: 'getInboundFlow',
    method: 'GET',
    url: '/beta/external/industryData/inboundFlows/7bd62d17-8c37-4494-f68d-08daddab2911',
    headers: {},
    status: 200,
    response: {
      '@odata.type': '#microsoft.graph.industryData.inboundFileFlow',
      dataDomain: 'educationRostering',
      displayName: 'Inbound Flow',
      effectiveDateTime: '2023-03-12T11:10:46.924769Z',
      expirationDateTime: '2023-03-13T11:10:46.924769Z',
      id: '7bd62d17-8c37-4494-f68d-08daddab2911',
      readinessStatus: 'ready'
    }
  },
  {
    page: 'industrydata-inboundflow-update.md',
    operation: 'updateInboundFlow',
    method: 'PATCH',
    url: '/beta/external/industryData/inboundFlows/7bd62d17-8c37-4494-f68d-08daddab2911',
    headers: {
      'Content-Type': 'application/json',
      'Content-length': '246'
    },
    body: {
      '@odata.type': '#microsoft.graph.industryData.inboundFlow',
      displayName: 'My Inbound Flow',
      effectiveDateTime: '2022-03-12T16:40:46.924769+05:30',
      expirationDateTime: '2023-03-12T16:40:46.924769+05:30'
    },
    status: 204
  },
  {
    page: 'industrydata-inboundflow-delete.md',
    operation: 'deleteInboundFlow',
    method: 'DELETE',
    url: '/beta/external/industryData/inboundFlows/0c629a1a-a85c-4365-bdf0-623a32ca69cb',
    headers: {},
    status: 204
  },
  {
    page: 'industrydata-inboundfileflow-list.md',
    operation: 'listInboundFileFlows',
    method: 'GET',
    url: '/beta/external/industryData/inboundFlows',
    headers: {},
    status: 200,
    response: {
      value: [
        {
          '@odata.type': '#microsoft.graph.industryData.inboundFileFlow',
          dataDomain: 'educationRostering',
          displayName: 'Rostering Flow',
          effectiveDateTime: '2023-03-12T11:10:46.924769Z',
          expirationDateTime: '2023-03-13T11:10:46.924769Z',
          id: '7bd62d17-8c37-4494-f68d-08daddab2911',
          readinessStatus: 'ready'
        }
      ]
    }
  },
  {
    page: 'industrydata-inboundfileflow-post.md',
    operation: 'createInboundFileFlow',
    method: 'POST',
    url: '/beta/external/industryData/inboundFlows',
    headers: {
      'Content-Type': 'application/json',
      'Content-length': '246'
    },
    body: {
      '@odata.type': '#microsoft.graph.industryData.inboundFileFlow',
      'dataConnector@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/dataConnectors/51dca0a0-85f6-4478-f526-08daddab2271',
      dataDomain: 'educationRostering',
      displayName: 'Inbound rostering flow',
      effectiveDateTime: '2023-03-12T16:40:46.924769+05:30',
      expirationDateTime: '2023-03-13T16:40:46.924769+05:30',
      'year@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/years/ebf18762-ab92-487e-21d1-08daddab28bb'
    },
    status: 201,
    response: {
      '@odata.type': '#microsoft.graph.industryData.inboundFileFlow',
      dataDomain: 'educationRostering',
      displayName: 'Inbound rostering fow',
      effectiveDateTime: '2023-03-12T11:10:46.924769Z',
      expirationDateTime: '2023-03-13T11:10:46.924769Z',
      id: '7bd62d17-8c37-4494-f68d-08daddab2911',
      readinessStatus: 'ready'
    }
  },
  {
    page: 'industrydata-inboundfileflow-get.md',
    operation: 'getInboundFileFlow',
    method: 'GET',
    url: '/beta/external/industryData/inboundFlows/7bd62d17-8c37-4494-f68d-08daddab2911',
    headers: {},
    status: 200,
    response: {
      '@odata.type': '#microsoft.graph.industryData.inboundFileFlow',
      dataDomain: 'educationRostering',
      displayName: 'Inbound Flow',
      effectiveDateTime: '2023-03-12T11:10:46.924769Z',
      expirationDateTime: '2023-03-13T11:10:46.924769Z',
      id: '7bd62d17-8c37-4494-f68d-08daddab2911',
      readinessStatus: 'ready'
    }
  },
  {
    page: 'industrydata-inboundfileflow-update.md',
    operation: 'updateInboundFileFlow',
    method: 'PATCH',
    url: '/beta/external/industryData/inboundFlows/7bd62d17-8c37-4494-f68d-08daddab2911',
    headers: {
      'Content-Type': 'application/json',
      'Content-length': '246'
    },
    bodyText: '{\n  "@odata.type": "#microsoft.graph.industryData.inboundFileFlow",\n  "displayName": "Updated flow name",\n}',
    status: 204
  },
  {
    page: 'industrydata-inboundfileflow-delete.md',
    operation: 'deleteInboundFileFlow',
    method: 'DELETE',
    url: '/beta/external/industryData/inboundFlows/7bd62d17-8c37-4494-f68d-08daddab2911',
    headers: {},
    status: 204
  },
  {
    page: 'industrydata-inboundapiflow-post.md',
    operation: 'createInboundApiFlow',
    method: 'POST',
    url: '/beta/external/industryData/inboundFlows',
    headers: {
      'Content-Type': 'application/json'
    },
    body: {
      '@odata.type': '#microsoft.graph.industryData.inboundApiFlow',
      'dataConnector@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/dataConnectors/51dca0a0-85f6-4478-f526-08daddab2271',
      dataDomain: 'educationRostering',
      displayName: 'Inbound rostering flow',
      effectiveDateTime: '2023-03-12T16:40:46.924769+05:30',
      expirationDateTime: '2023-03-13T16:40:46.924769+05:30',
      'year@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/years/ebf18762-ab92-487e-21d1-08daddab28bb'
    },
    status: 201,
    response: {
      '@odata.type': '#microsoft.graph.industryData.inboundApiFlow',
      dataDomain: 'educationRostering',
      displayName: 'Inbound rostering flow',
      effectiveDateTime: '2023-03-12T11:10:46.924769Z',
      expirationDateTime: '2023-03-13T11:10:46.924769Z',
      id: '7bd62d17-8c37-4494-f68d-08daddab2911',
      readinessStatus: 'ready'
    }
  },
  {
    page: 'industrydata-inboundapiflow-update.md',
    operation: 'updateInboundApiFlow',
    method: 'PATCH',
    url: '/beta/external/industryData/inboundFlows/7bd62d17-8c37-4494-f68d-08daddab2911',
    headers: {
      'Content-Type': 'application/json',
      'Content-length': '246'
    },
    body: {
      '@odata.type': '#microsoft.graph.industryData.inboundApiFlow',
      displayName: 'Updated flow name'
    },
    status: 204
  },
  {
    page: 'industrydata-referencedefinition-list.md',
    operation: 'listReferenceDefinitions',
    method: 'GET',
    url: '/beta/external/industryData/referenceDefinitions',
    headers: {},
    status: 200,
    response: {
      value: [
        {
          code: 'home',
          createdDateTime: '0001-01-01T00:00:00Z',
          id: 'RefEmailAddressType-home',
          isDisabled: false,
          lastModifiedDateTime: '0001-01-01T00:00:00Z',
          referenceType: 'RefEmailAddressType',
          sortIndex: 10,
          source: 'CEDS'
        },
        {
          code: '01',
          createdDateTime: '0001-01-01T00:00:00Z',
          id: 'RefGradeLevel-01',
          isDisabled: false,
          lastModifiedDateTime: '0001-01-01T00:00:00Z',
          referenceType: 'RefGradeLevel',
          sortIndex: 60,
          source: 'CEDS'
        },
        {
          code: '02',
          createdDateTime: '0001-01-01T00:00:00Z',
          id: 'RefGradeLevel-02',
          isDisabled: false,
          lastModifiedDateTime: '0001-01-01T00:00:00Z',
          referenceType: 'RefGradeLevel',
          sortIndex: 70,
          source: 'CEDS'
        },
        {
          code: 'undergraduate',
          createdDateTime: '0001-01-01T00:00:00Z',
          id: 'RefGradeLevel-undergraduate',
          isDisabled: false,
          lastModifiedDateTime: '0001-01-01T00:00:00Z',
          referenceType: 'RefGradeLevel',
          sortIndex: 270,
          source: 'Contoso'
        },
        {
          code: 'username',
          createdDateTime: '0001-01-01T00:00:00Z',
          id: 'RefIdentifierType-username',
          isDisabled: false,
          lastModifiedDateTime: '0001-01-01T00:00:00Z',
          referenceType: 'RefIdentifierType',
          sortIndex: 40,
          source: 'IMS Global'
        },
        {
          code: 'academicTrust',
          createdDateTime: '0001-01-01T00:00:00Z',
          id: 'RefOrgType-academicTrust',
          isDisabled: false,
          lastModifiedDateTime: '0001-01-01T00:00:00Z',
          referenceType: 'RefOrgType',
          sortIndex: 140,
          source: 'Contoso'
        }
      ]
    }
  },
  {
    page: 'industrydata-referencedefinition-get.md',
    operation: 'getReferenceDefinition',
    method: 'GET',
    url: '/beta/external/industryData/referenceDefinitions/RefAcademicSubject-01',
    headers: {},
    status: 200,
    response: {
      code: '01',
      createdDateTime: '0001-01-01T00:00:00Z',
      id: 'RefAcademicSubject-01',
      isDisabled: false,
      lastModifiedDateTime: '0001-01-01T00:00:00Z',
      referenceType: 'RefAcademicSubject',
      sortIndex: 10,
      source: 'microsoft.com'
    }
  },
  {
    page: 'industrydata-rolegroup-list.md',
    operation: 'listRoleGroups',
    method: 'GET',
    url: '/beta/external/industryData/roleGroups',
    headers: {},
    status: 200,
    response: {
      value: [
        {
          displayName: 'Staff',
          id: 'staff',
          roles: [
            {
              code: 'faculty'
            },
            {
              code: 'teacher'
            }
          ]
        },
        {
          displayName: 'Students',
          id: 'students',
          roles: [
            {
              code: 'student'
            }
          ]
        }
      ]
    }
  },
  {
    page: 'industrydata-rolegroup-get.md',
    operation: 'getRoleGroup',
    method: 'GET',
    url: '/beta/external/industryData/roleGroups/students',
    headers: {},
    status: 200,
    response: {
      displayName: 'Students',
      id: 'students',
      roles: [
        {
          code: 'student'
        }
      ]
    }
  }
]
